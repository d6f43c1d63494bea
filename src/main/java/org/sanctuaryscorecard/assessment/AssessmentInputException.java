package org.sanctuaryscorecard.assessment;

/**
 * Input that cannot be saved. Nothing was stored. Carries the field at fault and the key of a message in
 * {@code messages.properties} with its arguments, so that each interface can say what is wrong and what to do.
 */
public final class AssessmentInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public AssessmentInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The field at fault, such as "explanation" or "evidence.quote". */
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
