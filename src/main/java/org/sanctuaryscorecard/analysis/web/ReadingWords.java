package org.sanctuaryscorecard.analysis.web;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.Label;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.web.ErrorReplies;

/**
 * The analyzer's reasons in plain words, from {@code messages.properties}: the rule that produced a label
 * ({@code analysis.rule.<reading>} with the force words and the exception as arguments), flags, notes, labels and
 * provision names. A reading the messages do not know yet is shown by its id rather than hidden.
 */
public final class ReadingWords {

    private final Framework framework;
    private final ErrorReplies messages;

    ReadingWords(Framework framework, ErrorReplies messages) {
        this.framework = framework;
        this.messages = messages;
    }

    /**
     * Why a passage got its label: "“shall not” forbids the practice …". A passage without force words uses the
     * {@code .plain} variant; an inferred label ({@code derived}) is explained by the label it inferred.
     */
    String rule(Analysis.Passage passage) {
        String reading = passage.reading();
        String key = "analysis.rule." + reading;
        if ("derived".equals(reading)) {
            key += "." + passage.label().id();
        } else if (passage.force().isBlank()) {
            key += ".plain";
        }
        String fallback = messages.message("analysis.rule.unknown", reading);
        return messages.messageOr(key, new Object[] {passage.force(), passage.exception()}, fallback);
    }

    String flag(String kind) {
        return messages.messageOr("analysis.flag." + kind, null, kind);
    }

    String note(String note) {
        return messages.messageOr("analysis.note." + note, null, note);
    }

    /** "Protects", as the framework names the label. */
    String label(Label label) {
        return framework.provisionLabels().stream().filter(l -> l.id().equals(label.id())).findFirst()
                .map(Framework.ProvisionLabel::name).orElse(label.id());
    }

    /** The framework's name of a label given by its id ("limited" → "Limited"); the id if unknown. */
    public String labelName(String id) {
        Label label = Label.fromId(id);
        return label == null ? String.valueOf(id) : label(label);
    }

    /** "Detainer holds", or the id for a provision the framework does not have. */
    String provision(String id) {
        return id == null || id.isEmpty() ? "" : framework.provision(id).map(Framework.Provision::name).orElse(id);
    }

    String message(String key, Object... arguments) {
        return messages.message(key, arguments);
    }
}
