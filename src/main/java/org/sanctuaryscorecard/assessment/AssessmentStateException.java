package org.sanctuaryscorecard.assessment;

/**
 * A change the assessment's state does not allow: editing one that is in review or published, a step the workflow
 * does not have, publishing one's own work. Nothing was stored. Carries the key of a message in
 * {@code messages.properties} and its arguments.
 */
public final class AssessmentStateException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public AssessmentStateException(String messageKey, Object... arguments) {
        super(messageKey);
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
