package org.sanctuaryscorecard.secondcoding;

/**
 * A second-coding step that cannot be taken, explained: who may not do it, what the state does not allow, or what
 * someone else did first. Nothing was stored. Carries the key of a message in {@code messages.properties}.
 */
public final class SecondCodingException extends RuntimeException {

    /** Why it was refused; the web layer answers 403, 404 or 409. */
    public enum Reason {
        /** the person may not take this step (only reviewers ask and decide; only the named coder answers) */
        FORBIDDEN,
        /** there is no such request */
        NOT_FOUND,
        /** the request or the assessment is not in a state that allows it */
        STATE,
        /** someone else did it first (a question already decided, a request already made) */
        CONFLICT
    }

    private final Reason reason;
    private final String messageKey;
    private final transient Object[] arguments;

    public SecondCodingException(Reason reason, String messageKey, Object... arguments) {
        super(reason + ": " + messageKey);
        this.reason = reason;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
