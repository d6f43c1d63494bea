package org.sanctuaryscorecard.correction;

/**
 * A correction request as a person or a client sends it, unchecked.
 *
 * @param name         who asks (required)
 * @param organization their organization or office, such as "City Attorney's Office" (optional)
 * @param email        where the reviewers may reply (optional); seen only by them
 * @param part         which part of the scorecard: a criterion, question or landscape question id,
 *                     {@code provision.<id>}, or {@code other}
 * @param whatIsWrong  what is wrong (required)
 * @param shouldSay    what it should say (optional)
 * @param citation     the evidence: a citation (section, page, document)
 * @param link         the evidence: a web address
 * @param file         the evidence: a file, or null
 * @param trap         the form's hidden field that people leave empty and robots fill (null from the API)
 */
public record CorrectionInput(String name, String organization, String email, String part, String whatIsWrong,
                              String shouldSay, String citation, String link, Upload file, String trap) {

    /** A file sent with the request. */
    public record Upload(String name, String contentType, byte[] content) {
    }
}
