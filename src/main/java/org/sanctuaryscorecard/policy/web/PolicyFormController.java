package org.sanctuaryscorecard.policy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.account.Role;
import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.Analyzer;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.policy.PolicyInput;
import org.sanctuaryscorecard.policy.PolicyInputException;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Adding a policy with a form, in two steps: the person pastes the text and its record; the analyzer proposes a label
 * and quote for each provision; the person confirms or corrects every one (a box to tick per provision) and saves.
 * Editors of any organization; the page itself is shown to anyone signed in, saying who may save.
 */
@Controller
class PolicyFormController {

    static final List<String> FIELDS = List.of("jurisdiction", "title", "kind", "citation", "sourceUrl", "enacted", "enactedOn",
            "effectiveOn", "inForceBy", "inForceByNote", "status", "statusNote", "endedOn", "text");

    private final Policies policies;
    private final Framework framework;
    private final Analyzer analyzer;
    private final AccessPolicy access;
    private final ErrorReplies replies;

    PolicyFormController(Policies policies, Framework framework, Analyzer analyzer, AccessPolicy access, ErrorReplies replies) {
        this.policies = policies;
        this.framework = framework;
        this.analyzer = analyzer;
        this.access = access;
        this.replies = replies;
    }

    @GetMapping("/policies/new")
    String form(@RequestParam(required = false) String jurisdiction, Model model) {
        if (!access.signedIn()) {
            return "redirect:/login";
        }
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        values.put("jurisdiction", jurisdiction == null ? "" : jurisdiction);
        values.put("status", "unverified");
        values.put("kind", "ordinance");
        return page(model, values, List.of(), null);
    }

    /** step=propose: the analyzer's labels for the person to check; step=save: store what the person confirmed. */
    @PostMapping("/policies/new")
    String submit(@RequestParam MultiValueMap<String, String> form, Model model) {
        List<Organization> editing = access.organizationsWhere(Role.EDITOR);
        if (editing.isEmpty()) {
            throw new ExplainedException(HttpStatus.FORBIDDEN, "policy.error.editorsOnly");
        }
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, first(form, f)));
        String text = values.get("text");
        if ("save".equals(first(form, "step"))) {
            List<Row> rows = rows(form);
            long unconfirmed = rows.stream().filter(r -> !r.confirmed()).count();
            if (unconfirmed > 0) {
                return page(model, values, rows, replies.message("policy.form.unconfirmed", unconfirmed));
            }
            try {
                Map<String, PolicyInput.LabelInput> labels = new LinkedHashMap<>();
                rows.forEach(r -> labels.put(r.provision(), new PolicyInput.LabelInput(r.label(), r.quote().isBlank() ? null : r.quote())));
                PolicyInput input = new PolicyInput(values.get("jurisdiction").trim(), List.of(), values.get("title"), values.get("kind"),
                        blank(values.get("citation")), blank(values.get("sourceUrl")), null, blank(values.get("enacted")),
                        date(values, "enactedOn"), date(values, "effectiveOn"), values.get("status"), blank(values.get("statusNote")),
                        date(values, "endedOn"), date(values, "inForceBy"), blank(values.get("inForceByNote")), text, labels);
                Policy created = policies.create(input, null, editing.get(0).id(), PolicyLabel.PERSON,
                        replies.message("policy.form.origin"));
                return "redirect:/policies/" + created.id();
            } catch (PolicyInputException e) {
                return page(model, values, rows, replies.message(e.messageKey(), e.arguments()));
            }
        }
        if (text.isBlank()) {
            return page(model, values, List.of(), replies.message("policy.error.required", "text"));
        }
        if (text.length() > Policies.BODY_MAX) {
            return page(model, values, List.of(), replies.message("policy.error.tooLong", "text", Policies.BODY_MAX));
        }
        Analysis analysis = analyzer.analyze("pasted text", text);
        List<Row> rows = new ArrayList<>();
        for (Framework.Provision p : framework.provisions()) {
            Analysis.ProvisionResult result = analysis.provisions().get(p.id());
            String label = result == null ? "silent" : result.label().id();
            String quote = result == null || result.evidence() == null ? "" : result.evidence().quote();
            rows.add(new Row(p.id(), p.name(), label, quote, label, false, result != null && result.inferred()));
        }
        return page(model, values, rows, null);
    }

    /** One provision of the form: what the person chose, and what the analyzer proposed. */
    record Row(String provision, String name, String label, String quote, String proposed, boolean confirmed, boolean inferred) {
    }

    private List<Row> rows(MultiValueMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (Framework.Provision p : framework.provisions()) {
            rows.add(new Row(p.id(), p.name(), orSilent(first(form, "label-" + p.id())), first(form, "quote-" + p.id()),
                    first(form, "proposed-" + p.id()), "yes".equals(first(form, "confirm-" + p.id())), false));
        }
        return rows;
    }

    private String page(Model model, Map<String, String> values, List<Row> rows, String problem) {
        model.addAttribute("values", values);
        model.addAttribute("rows", rows);
        model.addAttribute("problem", problem);
        model.addAttribute("kinds", Policies.KINDS.stream().sorted().toList());
        model.addAttribute("statuses", List.of("unverified", "in-force", "superseded", "repealed", "enjoined", "not-enacted"));
        model.addAttribute("labels", List.of("protects", "limited", "contrary", "silent"));
        model.addAttribute("mayEdit", !access.organizationsWhere(Role.EDITOR).isEmpty());
        return "policy/new";
    }

    private static String orSilent(String label) {
        return label.isBlank() ? "silent" : label;
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(Map<String, String> values, String field) {
        String value = values.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new PolicyInputException("policy.error.date", field);
        }
    }
}
