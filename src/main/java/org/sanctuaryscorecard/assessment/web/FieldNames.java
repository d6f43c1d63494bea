package org.sanctuaryscorecard.assessment.web;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.web.ErrorReplies;

/** Stored field keys in words, for the history, comparisons and conflicts: "answer/question.x/value" → "1.2 — Answer". */
public final class FieldNames {

    private final Framework framework;
    private final ErrorReplies messages;

    FieldNames(Framework framework, ErrorReplies messages) {
        this.framework = framework;
        this.messages = messages;
    }

    public String of(String field) {
        String[] parts = field.split("/");
        if (parts.length == 1) {
            return messages.messageOr("assessment.fieldName." + field, null, field);
        }
        String part = messages.messageOr("assessment.fieldName." + parts[parts.length - 1], null, parts[parts.length - 1]);
        String subject = switch (parts[0]) {
            case "answer" -> messages.message("assessment.fieldName.question", framework.questionNumber(parts[1]),
                    framework.question(parts[1]).map(Framework.CriterionQuestion::text).orElse(parts[1]));
            case "landscape" -> framework.landscapeQuestion(parts[1]).map(Framework.LandscapeQuestion::text).orElse(parts[1]);
            case "provision" -> messages.message("assessment.fieldName.provision",
                    framework.provision(parts[1]).map(Framework.Provision::name).orElse(parts[1]));
            case "evidence" -> messages.message("assessment.fieldName.evidence", parts[1]);
            default -> parts[0];
        };
        return subject + " — " + part;
    }
}
