package org.sanctuaryscorecard.policy;

/** Input that cannot be stored as a policy, with the key of its message in messages.properties and its arguments. */
public final class PolicyInputException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] arguments;

    public PolicyInputException(String messageKey, Object... arguments) {
        super(messageKey + " " + java.util.Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
