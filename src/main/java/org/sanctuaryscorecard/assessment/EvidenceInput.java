package org.sanctuaryscorecard.assessment;

/**
 * A piece of evidence as a person or a client sends it. Enumerations and dates are text here so that a bad value
 * gets a clear message instead of a parse failure.
 *
 * @param item        what it supports: a question id, a landscape question id, or provision.&lt;id&gt;
 * @param sourceKind  one of {@link SourceKind}'s ids
 * @param seenOn      the date the source was read, as yyyy-mm-dd
 * @param shows       "policy" or "practice"
 * @param file        an uploaded file, or null (on update: null keeps the current file)
 */
public record EvidenceInput(String item, String sourceTitle, String sourceKind, String citation, String url,
                            String seenOn, String quote, String shows, FileUpload file) {

    /** An uploaded file. */
    public record FileUpload(String name, String contentType, byte[] content) {
    }
}
