package org.sanctuaryscorecard.correction;

/**
 * A request that cannot be accepted as sent. Nothing was stored. Carries the field at fault (the form's field name)
 * and the key of a message in {@code messages.properties} with its arguments.
 */
public final class CorrectionInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public CorrectionInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The field at fault: name, organization, email, part, whatIsWrong, shouldSay, citation, link, file, note ... */
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
