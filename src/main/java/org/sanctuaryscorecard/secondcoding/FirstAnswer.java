package org.sanctuaryscorecard.secondcoding;

/**
 * The assessment's answer to one question when the second coding was submitted.
 *
 * @param version the answer's item version in the assessment then (0 if never saved)
 * @param codedBy who last set it, or null
 */
public record FirstAnswer(String questionId, String answer, String explanation, int version, String codedBy) {
}
