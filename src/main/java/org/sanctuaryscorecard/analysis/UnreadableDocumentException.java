package org.sanctuaryscorecard.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file that cannot be read, with a message key ({@code messages.properties}, {@code analysis.error.*}) and
 * arguments saying why and what to do. The first argument is always the document's name. {@link #getMessage()} is
 * the key and the arguments, for logs; a person reads the resolved message.
 */
public final class UnreadableDocumentException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    /**
     * @param messageKey a key in {@code messages.properties} starting with {@code analysis.error.}
     * @param arguments its arguments; the first is the document's name
     */
    public UnreadableDocumentException(String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments), null, false, false);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
