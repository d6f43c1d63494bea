package org.sanctuaryscorecard.account.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.Account;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.audit.AuditQuery;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail: an organization's, for its admins ({@code /organizations/{slug}/audit}), and the whole
 * installation's, for site administrators ({@code /admin/audit}). Newest first, {@value #PAGE} a page, paged with a
 * {@code before} cursor (an event number) so that new events never shift a page; narrowed by day ({@code from},
 * {@code to}, in UTC, both included), by who made the change ({@code person}, a username) and by {@code action}.
 * Exported with the same filters, oldest first, as CSV or JSON Lines, written while the rows are read.
 */
@Controller
class AuditController {

    static final int PAGE = 50;
    /** JSON Lines: one JSON object per line. */
    static final MediaType JSON_LINES = new MediaType("application", "jsonl", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditTrail audit;
    private final Accounts accounts;
    private final Gatekeeper gate;
    private final AuditRows rows;
    private final AuditExport export;
    private final ErrorReplies replies;
    private final Clock clock;

    AuditController(AuditTrail audit, Accounts accounts, Gatekeeper gate, AuditRows rows, AuditExport export, ErrorReplies replies,
                    Clock clock) {
        this.audit = audit;
        this.accounts = accounts;
        this.gate = gate;
        this.rows = rows;
        this.export = export;
        this.replies = replies;
        this.clock = clock;
    }

    /** The filters as typed (shown again in the form, carried by the links), and the query they make. */
    public record Filters(String from, String to, String person, String action, AuditQuery query, boolean unknownPerson) {

        public boolean any() {
            return query.filtered();
        }

        /** {@code base} with these filters (and more parameters, name then value) as its query. */
        String link(String base, Object... more) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
            add(uri, "from", from);
            add(uri, "to", to);
            add(uri, "person", person);
            add(uri, "action", action);
            for (int i = 0; i < more.length; i += 2) {
                add(uri, (String) more[i], more[i + 1] == null ? null : more[i + 1].toString());
            }
            return uri.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder uri, String name, String value) {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        }
    }

    @GetMapping("/organizations/{slug}/audit")
    @Gate(Gate.Who.ORGANIZATION_ADMINS)
    ModelAndView organization(@PathVariable String slug, @RequestParam(required = false) Long before,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String person, @RequestParam(required = false) String action) {
        Organization organization = gate.administered(slug);
        ModelAndView page = page("/organizations/" + organization.slug() + "/audit",
                filters(organization.id(), from, to, person, action), before);
        page.addObject("organization", organization);
        return page;
    }

    @GetMapping("/organizations/{slug}/audit.jsonl")
    @Gate(Gate.Who.ORGANIZATION_ADMINS)
    void organizationJsonLines(@PathVariable String slug, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String person,
                               @RequestParam(required = false) String action, HttpServletResponse response) throws IOException {
        Organization organization = gate.administered(slug);
        download(response, JSON_LINES, "audit-" + organization.slug() + ".jsonl",
                filters(organization.id(), from, to, person, action), export::jsonLines);
    }

    @GetMapping("/organizations/{slug}/audit.csv")
    @Gate(Gate.Who.ORGANIZATION_ADMINS)
    void organizationCsv(@PathVariable String slug, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, @RequestParam(required = false) String person,
                         @RequestParam(required = false) String action, HttpServletResponse response) throws IOException {
        Organization organization = gate.administered(slug);
        download(response, CSV, "audit-" + organization.slug() + ".csv", filters(organization.id(), from, to, person, action),
                export::csv);
    }

    @GetMapping("/admin/audit")
    @Gate(Gate.Who.SITE_ADMINS)
    ModelAndView installation(@RequestParam(required = false) Long before, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to, @RequestParam(required = false) String person,
                              @RequestParam(required = false) String action) {
        gate.requireSiteAdmin();
        return page("/admin/audit", filters(null, from, to, person, action), before);
    }

    @GetMapping("/admin/audit.jsonl")
    @Gate(Gate.Who.SITE_ADMINS)
    void installationJsonLines(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String person, @RequestParam(required = false) String action,
                               HttpServletResponse response) throws IOException {
        gate.requireSiteAdmin();
        download(response, JSON_LINES, "audit-all.jsonl", filters(null, from, to, person, action), export::jsonLines);
    }

    @GetMapping("/admin/audit.csv")
    @Gate(Gate.Who.SITE_ADMINS)
    void installationCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String person, @RequestParam(required = false) String action,
                         HttpServletResponse response) throws IOException {
        gate.requireSiteAdmin();
        download(response, CSV, "audit-all.csv", filters(null, from, to, person, action), export::csv);
    }

    private ModelAndView page(String base, Filters filters, Long before) {
        var events = audit.page(filters.query(), cursor(before), PAGE);
        ModelAndView page = new ModelAndView("account/audit");
        page.addObject("rows", rows.rows(events, slugs()));
        page.addObject("filters", filters);
        page.addObject("actions", audit.actions(filters.query().organizationId()).stream()
                .collect(Collectors.toMap(a -> a, a -> replies.messageOr("audit.action." + a, null, a), (a, b) -> a,
                        LinkedHashMap::new)));
        page.addObject("base", base);
        page.addObject("newestHref", filters.link(base));
        page.addObject("olderHref", events.size() == PAGE ? filters.link(base, "before", events.get(events.size() - 1).id()) : null);
        page.addObject("paged", before != null);
        page.addObject("csvHref", filters.link(base + ".csv"));
        page.addObject("jsonLinesHref", filters.link(base + ".jsonl"));
        if (filters.unknownPerson()) {
            page.addObject("filterProblem", replies.message("audit.filter.noSuchPerson", filters.person().strip()));
        }
        return page;
    }

    /** The filters of a request; a day that is not a date is refused with a message. */
    private Filters filters(Long organizationId, String from, String to, String person, String action) {
        LocalDate first = day(from);
        LocalDate last = day(to);
        Long actorId = null;
        boolean unknown = false;
        if (person != null && !person.isBlank()) {
            Optional<Account> account = accounts.find(person);
            actorId = account.map(Account::id).orElse(-1L);
            unknown = account.isEmpty();
        }
        String chosen = action == null || action.isBlank() ? null : action.strip();
        AuditQuery query = new AuditQuery(organizationId, first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), actorId, chosen);
        return new Filters(first == null ? null : first.toString(), last == null ? null : last.toString(),
                person == null || person.isBlank() ? null : person.strip(), chosen, query, unknown);
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "audit.error.date", value.strip());
        }
    }

    private static long cursor(Long before) {
        return before == null || before < 1 ? Long.MAX_VALUE : before;
    }

    private Map<Long, String> slugs() {
        return accounts.organizations().stream().collect(Collectors.toMap(Organization::id, Organization::slug));
    }

    /** Writes the events a query selects to a stream. */
    private interface Writer {
        void write(AuditQuery query, Map<Long, String> slugs, OutputStream out);
    }

    private void download(HttpServletResponse response, MediaType type, String name, Filters filters, Writer writer)
            throws IOException {
        String dated = name.replaceFirst("\\.", "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".");
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(dated).build().toString());
        writer.write(filters.query(), slugs(), response.getOutputStream());
    }
}
