package org.sanctuaryscorecard.account.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.audit.AuditEvent;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit trail: an organization's, for its admins ({@code /organizations/{slug}/audit}), and the whole
 * installation's, for site administrators ({@code /admin/audit}). Newest first, {@value #PAGE} a page, paged with a
 * {@code before} cursor (an event number) so that new events never shift a page; exported as JSON or CSV, oldest
 * first.
 */
@Controller
class AuditController {

    static final int PAGE = 50;

    private final AuditTrail audit;
    private final Accounts accounts;
    private final Gatekeeper gate;
    private final AuditRows rows;
    private final AuditExport export;

    AuditController(AuditTrail audit, Accounts accounts, Gatekeeper gate, AuditRows rows, AuditExport export) {
        this.audit = audit;
        this.accounts = accounts;
        this.gate = gate;
        this.rows = rows;
        this.export = export;
    }

    @GetMapping("/organizations/{slug}/audit")
    ModelAndView organization(@PathVariable String slug, @RequestParam(required = false) Long before) {
        Organization organization = gate.administered(slug);
        ModelAndView page = page(audit.forOrganization(organization.id(), cursor(before), PAGE), before);
        page.addObject("organization", organization);
        page.addObject("base", "/organizations/" + organization.slug() + "/audit");
        return page;
    }

    @GetMapping("/organizations/{slug}/audit.json")
    void organizationJson(@PathVariable String slug, HttpServletResponse response) throws IOException {
        Organization organization = gate.administered(slug);
        download(response, MediaType.APPLICATION_JSON, "audit-" + organization.slug() + ".json", organization.id(), export::json);
    }

    @GetMapping("/organizations/{slug}/audit.csv")
    void organizationCsv(@PathVariable String slug, HttpServletResponse response) throws IOException {
        Organization organization = gate.administered(slug);
        download(response, new MediaType("text", "csv", StandardCharsets.UTF_8),
                "audit-" + organization.slug() + ".csv", organization.id(), export::csv);
    }

    @GetMapping("/admin/audit")
    ModelAndView installation(@RequestParam(required = false) Long before) {
        gate.requireSiteAdmin();
        ModelAndView page = page(audit.all(cursor(before), PAGE), before);
        page.addObject("base", "/admin/audit");
        return page;
    }

    @GetMapping("/admin/audit.json")
    void installationJson(HttpServletResponse response) throws IOException {
        gate.requireSiteAdmin();
        download(response, MediaType.APPLICATION_JSON, "audit-all.json", null, export::json);
    }

    @GetMapping("/admin/audit.csv")
    void installationCsv(HttpServletResponse response) throws IOException {
        gate.requireSiteAdmin();
        download(response, new MediaType("text", "csv", StandardCharsets.UTF_8), "audit-all.csv", null, export::csv);
    }

    private ModelAndView page(List<AuditEvent> events, Long before) {
        ModelAndView page = new ModelAndView("account/audit");
        page.addObject("rows", rows.rows(events, slugs()));
        page.addObject("older", events.size() == PAGE ? events.get(events.size() - 1).id() : null);
        page.addObject("paged", before != null);
        return page;
    }

    private static long cursor(Long before) {
        return before == null || before < 1 ? Long.MAX_VALUE : before;
    }

    private Map<Long, String> slugs() {
        return accounts.organizations().stream().collect(Collectors.toMap(Organization::id, Organization::slug));
    }

    /** Writes one organization's events (all, for null) to a stream. */
    private interface Writer {
        void write(Long organizationId, Map<Long, String> slugs, OutputStream out);
    }

    private void download(HttpServletResponse response, MediaType type, String name, Long organizationId, Writer writer)
            throws IOException {
        String dated = name.replaceFirst("\\.", "-" + LocalDate.now(ZoneOffset.UTC) + ".");
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(dated).build().toString());
        writer.write(organizationId, slugs(), response.getOutputStream());
    }
}
