package org.sanctuaryscorecard.report.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.protection.EffectiveLabel;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /compare?ids=GEOID,GEOID,...}: two to five jurisdictions side by side. Each shows its latest published
 * assessment only (what anyone may read); a jurisdiction without one is "not assessed", never "not met".
 */
@Controller
class CompareController {

    static final int MIN = 2;
    static final int MAX = 5;
    /** The longest {@code ids} accepted: five GEOIDs of seven digits and their commas, with room for spaces. */
    static final int IDS_MAX_LENGTH = 100;

    private final Assessments assessments;
    private final JurisdictionCatalog catalog;
    private final Framework framework;
    private final AccessPolicy policy;
    private final MessageSource messages;
    private final EffectiveProtections protections;
    private final Clock clock;

    CompareController(Assessments assessments, JurisdictionCatalog catalog, Framework framework, AccessPolicy policy,
                      MessageSource messages, EffectiveProtections protections, Clock clock) {
        this.messages = messages;
        this.protections = protections;
        this.clock = clock;
        this.assessments = assessments;
        this.catalog = catalog;
        this.framework = framework;
        this.policy = policy;
    }

    @GetMapping("/compare")
    String compare(@RequestParam(name = "ids", required = false) List<String> given, Model model, HttpServletResponse response) {
        List<String> ids = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (given != null && String.join(",", given).length() > IDS_MAX_LENGTH) {
            errors.add(message("compare.error.tooLong", IDS_MAX_LENGTH));
        } else if (given != null) {
            for (String part : given) {
                for (String id : part.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        List<Jurisdiction> chosen = new ArrayList<>();
        if (errors.isEmpty() && !ids.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (String id : ids) {
                Optional<Jurisdiction> jurisdiction = Jurisdiction.isWellFormedGeoid(id) ? catalog.find(id) : Optional.empty();
                if (jurisdiction.isEmpty()) {
                    errors.add(message("compare.error.unknown", id));
                } else if (!seen.add(id)) {
                    errors.add(message("compare.error.repeated", jurisdiction.get().name(), id));
                } else {
                    chosen.add(jurisdiction.get());
                }
            }
            if (ids.size() < MIN) {
                errors.add(message("compare.error.tooFew", MIN, MAX));
            } else if (ids.size() > MAX) {
                errors.add(message("compare.error.tooMany", ids.size(), MAX));
            }
        }
        model.addAttribute("framework", framework);
        model.addAttribute("errors", errors);
        model.addAttribute("given", ids);
        model.addAttribute("slots", slots(ids));
        model.addAttribute("max", MAX);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else if (!chosen.isEmpty()) {
            model.addAttribute("comparison", new Comparison(chosen.stream()
                    .map(j -> new Comparison.Column(j, latestPublished(j), framework)).toList()));
            // each jurisdiction's effective protection today (state law layered over county and city policy), by
            // GEOID then provision id; left out where no policy on record reaches the jurisdiction (nothing known)
            LocalDate today = LocalDate.now(clock);
            Map<String, Map<String, EffectiveLabel>> effective = new HashMap<>();
            for (Jurisdiction j : chosen) {
                List<EffectiveLabel> labels = protections.forJurisdiction(j.geoid(), today);
                if (labels.stream().anyMatch(l -> l.source() != null)) {
                    Map<String, EffectiveLabel> byProvision = new HashMap<>();
                    labels.forEach(l -> byProvision.put(l.provision(), l));
                    effective.put(j.geoid(), byProvision);
                }
            }
            model.addAttribute("effective", effective);
            model.addAttribute("effectiveAsOf", today);
        }
        return "report/compare";
    }

    /** The latest published assessment, through the access policy (published work is public). */
    private Assessment latestPublished(Jurisdiction jurisdiction) {
        return assessments.latestPublished(jurisdiction.geoid())
                .filter(a -> a.status() == AssessmentStatus.PUBLISHED && policy.canView(a.organizationId(), true))
                .orElse(null);
    }

    /** The form's five fields, filled with what was asked. */
    private static List<String> slots(List<String> ids) {
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            slots.add(i < ids.size() ? ids.get(i) : "");
        }
        return slots;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
