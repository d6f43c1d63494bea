package org.sanctuaryscorecard.protection;

/** The layering rules cannot be used: the message says which rule is wrong and how. */
public final class LayeringRulesException extends RuntimeException {

    public LayeringRulesException(String message) {
        super(message);
    }

    public LayeringRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
