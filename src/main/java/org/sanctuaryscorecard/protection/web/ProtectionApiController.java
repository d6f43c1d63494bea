package org.sanctuaryscorecard.protection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.protection.EffectiveLabel;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Effective protection as JSON: one jurisdiction's thirteen labels, or every state's or county's for a map. Public.
 * {@code asOf} is a date (YYYY-MM-DD) from 1900 to 2100; today when not given.
 */
@RestController
class ProtectionApiController {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final EffectiveProtections protections;
    private final JurisdictionCatalog jurisdictions;
    private final Clock clock;

    ProtectionApiController(EffectiveProtections protections, JurisdictionCatalog jurisdictions, Clock clock) {
        this.protections = protections;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    record Protection(String geoid, String name, LocalDate asOf, List<EffectiveLabel> labels) {
    }

    record Everywhere(String level, LocalDate asOf, Map<String, List<EffectiveLabel>> jurisdictions) {
    }

    @GetMapping("/api/jurisdictions/{geoid}/protection")
    Protection one(@PathVariable String geoid,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Jurisdiction j = jurisdictions.require(geoid);
        LocalDate date = date(asOf);
        return new Protection(j.geoid(), j.name(), date, protections.forJurisdiction(geoid, date));
    }

    /** Every state ("state") or county ("county"): for the national map. */
    @GetMapping("/api/protection")
    Everywhere all(@RequestParam(defaultValue = "county") String level,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (!"state".equals(level) && !"county".equals(level)) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "protection.error.level");
        }
        LocalDate date = date(asOf);
        return new Everywhere(level, date, protections.forAll(level, date));
    }

    private LocalDate date(LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "protection.error.asOf", EARLIEST, LATEST);
        }
        return date;
    }
}
