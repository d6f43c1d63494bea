package org.sanctuaryscorecard.secondcoding.web;

/** What clients send, as JSON bodies or as form fields with the same names. */
final class CodingForms {

    private CodingForms() {
    }

    /** Ask this person (their username) to code the assessment blind. */
    record AskRequest(String coder) {
    }

    /** The second coder's answer to one question: Y, N, OTHER or blank, and why. */
    record AnswerRequest(String answer, String explanation) {
    }

    /**
     * A reviewer's decision on one question: follow "first", "second" or "neither" (then with an answer and an
     * explanation); {@code version} is the assessment's version of that answer the reviewer saw.
     */
    record DecisionRequest(String follow, String answer, String explanation, Integer version) {
    }
}
