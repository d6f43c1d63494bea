package org.sanctuaryscorecard.framework.web;

import java.util.List;
import java.util.Locale;

import org.sanctuaryscorecard.framework.Framework;
import org.springframework.context.MessageSource;

/** A scoring condition in plain words, as a tree a page shows as nested lists. */
final class RuleWords {

    /** One line of a rule: its words, and the conditions under it (for "all of" and "any of"). */
    record Clause(String text, List<Clause> parts) {
    }

    private final Framework framework;
    private final MessageSource messages;
    private final Locale locale;

    RuleWords(Framework framework, MessageSource messages, Locale locale) {
        this.framework = framework;
        this.messages = messages;
        this.locale = locale;
    }

    /** The condition in words, or null when the rule has none. */
    Clause of(Framework.Condition condition) {
        if (condition == null) {
            return null;
        }
        if (condition instanceof Framework.AnswerIs is) {
            String text = framework.question(is.question()).map(Framework.CriterionQuestion::text).orElse(is.question());
            return new Clause(messages.getMessage("framework.scoring.answerIs", new Object[] {
                    framework.questionNumber(is.question()), text, framework.answerLabel(is.question(), is.answer())},
                    locale), List.of());
        }
        boolean all = condition instanceof Framework.AllOf;
        List<Framework.Condition> parts = all ? ((Framework.AllOf) condition).conditions() : ((Framework.AnyOf) condition).conditions();
        return new Clause(messages.getMessage(all ? "framework.scoring.all" : "framework.scoring.any", null, locale),
                parts.stream().map(this::of).toList());
    }
}
