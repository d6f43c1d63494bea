package org.sanctuaryscorecard.secondcoding.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.sanctuaryscorecard.framework.Framework;

/** Small lookups for the second-coding templates, so that they stay simple. */
public final class CodingView {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Framework framework;
    private final String notAnswered;

    /** {@code notAnswered}: the words for no answer, in the reader's language. */
    CodingView(Framework framework, String notAnswered) {
        this.framework = framework;
        this.notAnswered = notAnswered;
    }

    /** An HTML id: "question.detainers.formal-policy" becomes "sc-question-detainers-formal-policy". */
    public String id(String key) {
        return "sc-" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** A time as pages show it: "2026-11-27 10:42 UTC"; empty for none. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public String number(String questionId) {
        return framework.questionNumber(questionId);
    }

    /** "Yes", "No", "Other"; null when not answered. */
    public String answerLabel(String questionId, String code) {
        return framework.answerLabel(questionId, code);
    }

    /** "Yes", "No", "Other", or the words for not yet answered. */
    public String answerWords(String questionId, String code) {
        return code == null ? notAnswered : framework.answerLabel(questionId, code);
    }

    /** The answers a criterion's questions allow. */
    public List<Framework.AnswerOption> options(Framework.Criterion criterion) {
        return framework.answerSet(criterion.answerSet()).orElseThrow().options();
    }

    /** The words of the answer a follow-up question depends on ("No"). */
    public String askedIfAnswer(Framework.CriterionQuestion question) {
        return question.askedIf() == null ? null : framework.answerLabel(question.askedIf().question(), question.askedIf().answer());
    }
}
