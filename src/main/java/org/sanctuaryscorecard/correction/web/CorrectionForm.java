package org.sanctuaryscorecard.correction.web;

/**
 * The correction form's fields as sent (the file comes apart). {@code website} is the hidden field people leave
 * empty and robots fill.
 */
record CorrectionForm(String name, String organization, String email, String part, String whatIsWrong, String shouldSay,
                      String citation, String link, String website) {

    static CorrectionForm empty(String part) {
        return new CorrectionForm(null, null, null, part, null, null, null, null, null);
    }
}
