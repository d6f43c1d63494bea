package org.sanctuaryscorecard.secondcoding;

import java.time.Instant;

/** The second coder's answer to one criterion question: Y, N, OTHER or null (not yet answered), and why. */
public record SecondAnswer(String questionId, String answer, String explanation, Instant answeredAt) {
}
