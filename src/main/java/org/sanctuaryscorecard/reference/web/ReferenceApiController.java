package org.sanctuaryscorecard.reference.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.reference.ReferenceData;
import org.sanctuaryscorecard.reference.ReferenceFact;
import org.sanctuaryscorecard.reference.ReferenceList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The lists and a jurisdiction's facts as JSON. */
@RestController
class ReferenceApiController {

    private final ReferenceData reference;
    private final JurisdictionCatalog catalog;
    private final Statements statements;

    ReferenceApiController(ReferenceData reference, JurisdictionCatalog catalog, Statements statements) {
        this.reference = reference;
        this.catalog = catalog;
        this.statements = statements;
    }

    /** A fact in the API: its statement, its list, how it was matched, and the row as the list has it. */
    record FactJson(String statement, long list, String kind, LocalDate listDate, boolean current, int line, String geoid,
                    String match, String matchNote, String agency, String model, LocalDate signed, String moaUrl,
                    Map<String, String> original) {
    }

    /** A jurisdiction's facts: its own (current lists), its county's (for a place), and from superseded lists. */
    record FactsJson(String geoid, String name, List<FactJson> facts, List<FactJson> inCounty, List<FactJson> history) {
    }

    @GetMapping("/api/reference/lists")
    List<ReferenceList> lists() {
        return reference.lists();
    }

    @GetMapping("/api/jurisdictions/{geoid}/facts")
    FactsJson facts(@PathVariable String geoid) {
        Jurisdiction jurisdiction = catalog.require(geoid);
        ReferenceData.JurisdictionFacts facts = reference.factsFor(jurisdiction);
        return new FactsJson(jurisdiction.geoid(), jurisdiction.name(), json(facts.own()), json(facts.inCounty()),
                json(facts.history()));
    }

    private List<FactJson> json(List<ReferenceFact> facts) {
        return facts.stream().map(f -> new FactJson(statements.of(f), f.list().id(), f.list().kind().id(), f.list().listDate(),
                f.list().current(), f.line(), f.geoid(), f.matchMethod(), f.matchNote(), f.agency(), f.model(), f.signed(),
                f.moaUrl(), f.original())).toList();
    }
}
