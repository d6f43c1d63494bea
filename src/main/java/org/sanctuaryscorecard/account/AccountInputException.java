package org.sanctuaryscorecard.account;

/**
 * Input about accounts, organizations or memberships that cannot be saved; nothing was stored. Carries the field at
 * fault and the key of a message in {@code messages.properties} with its arguments.
 */
public final class AccountInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public AccountInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
