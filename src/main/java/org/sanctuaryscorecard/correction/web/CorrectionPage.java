package org.sanctuaryscorecard.correction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.correction.CorrectionInputException;
import org.sanctuaryscorecard.correction.CorrectionLimitException;
import org.sanctuaryscorecard.correction.CorrectionLimits;
import org.sanctuaryscorecard.correction.internal.Parts;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The correction form page (first shown, refused, or over a limit) and the messages of refusals. */
@Component
class CorrectionPage {

    private static final long MINUTES_SHOWN_AS_MINUTES = 90;

    private final Scorecards scorecards;
    private final Parts parts;
    private final CorrectionLimits limits;
    private final ErrorReplies replies;
    private final JsonMapper json = JsonMapper.builder().build();

    CorrectionPage(Scorecards scorecards, Parts parts, CorrectionLimits limits, ErrorReplies replies) {
        this.scorecards = scorecards;
        this.parts = parts;
        this.limits = limits;
        this.replies = replies;
    }

    /**
     * Fills the form page's model.
     *
     * @param problem      what was wrong with the last try, or null
     * @param problemField the form field at fault (name, email, part, file ...), or null
     * @return the view
     */
    String form(Model model, long assessmentId, CorrectionForm form, String problem, String problemField) {
        model.addAttribute("scorecard", scorecards.of(assessmentId));
        model.addAttribute("form", form);
        model.addAttribute("parts", parts.groups());
        model.addAttribute("limits", limits);
        model.addAttribute("max", Map.of("name", CorrectionLimits.NAME_MAX, "email", CorrectionLimits.EMAIL_MAX,
                "citation", CorrectionLimits.CITATION_MAX, "link", CorrectionLimits.LINK_MAX));
        model.addAttribute("problem", problem);
        model.addAttribute("problemField", problemField);
        return "correction/form";
    }

    Scorecards.Scorecard scorecard(long assessmentId) {
        return scorecards.of(assessmentId);
    }

    String message(CorrectionInputException e) {
        return replies.message(e.messageKey(), e.arguments());
    }

    /** "You have sent 5 ... Please try again in 42 minutes." */
    String message(CorrectionLimitException e) {
        long minutes = e.retryAfterMinutes();
        String wait = minutes <= MINUTES_SHOWN_AS_MINUTES ? replies.message("correction.wait.minutes", minutes)
                : replies.message("correction.wait.hours", (minutes + 59) / 60);
        return replies.message(e.messageKey(), e.limit(), wait);
    }

    String message(String key, Object... arguments) {
        return replies.message(key, arguments);
    }

    int textMax() {
        return limits.textMax();
    }

    /** One line of a request's history. */
    record EventView(String when, String who, String origin, String what, String note) {
    }

    /** A request's history from its audit events: received, then each status with its note. */
    List<EventView> events(List<AuditEvent> events) {
        List<EventView> lines = new ArrayList<>();
        for (AuditEvent event : events) {
            String what;
            String note = null;
            if ("status".equals(event.action()) && event.after() != null) {
                JsonNode after = json.readTree(event.after());
                String status = after.path("status").asString("");
                what = replies.message("correction.history.status", replies.message("correction.status." + status));
                note = after.path("note").isString() ? after.path("note").asString() : null;
            } else {
                what = replies.message("correction.history." + event.action());
            }
            lines.add(new EventView(Scorecards.when(event.at()), event.actorName(), event.origin(), what, note));
        }
        return lines;
    }
}
