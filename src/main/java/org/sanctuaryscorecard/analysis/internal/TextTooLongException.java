package org.sanctuaryscorecard.analysis.internal;

/** Thrown by a reader whose text has grown past the limit; {@link DocumentReader} turns it into the message. */
final class TextTooLongException extends RuntimeException {

    TextTooLongException() {
        super("the extracted text is longer than the limit", null, false, false);
    }
}
