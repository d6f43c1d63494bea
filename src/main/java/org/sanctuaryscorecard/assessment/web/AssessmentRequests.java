package org.sanctuaryscorecard.assessment.web;

import java.util.List;

/**
 * What clients send to change an assessment, as JSON bodies or as form fields (the same names). {@code version} is the
 * version of the item the client started from (0, or absent, for an item never saved); {@code editor} names the
 * person, for the history.
 */
final class AssessmentRequests {

    private AssessmentRequests() {
    }

    record CreateRequest(String title, String author, String asOf, String editor, String organization) {
    }

    record HeaderRequest(String title, String author, String asOf, Integer version, String editor) {
    }

    record StatusRequest(String status, Integer version, String editor, String reason) {
    }

    record LandscapeRequest(String choice, String text, List<String> agencies, String link, Integer version, String editor) {
    }

    record AnswerRequest(String answer, String explanation, Integer version, String editor) {
    }

    record ProvisionRequest(String label, String explanation, Integer version, String editor) {
    }

    record EvidenceRequest(String item, String sourceTitle, String sourceKind, String citation, String url, String seenOn,
                           String quote, String shows, Integer version, String editor) {
    }

    static int version(Integer version) {
        return version == null ? 0 : version;
    }
}
