package org.sanctuaryscorecard.reference.web;

import java.util.Map;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionPageSection;
import org.sanctuaryscorecard.reference.ReferenceData;
import org.springframework.stereotype.Component;

/** "Facts from public lists" on every jurisdiction's page: the current lists' facts, a place's county's, and history. */
@Component
class FactsSection implements JurisdictionPageSection {

    private final ReferenceData reference;
    private final Statements statements;

    FactsSection(ReferenceData reference, Statements statements) {
        this.reference = reference;
        this.statements = statements;
    }

    @Override
    public String template() {
        return "reference/facts-section";
    }

    @Override
    public Map<String, Object> data(Jurisdiction jurisdiction) {
        ReferenceData.JurisdictionFacts facts = reference.factsFor(jurisdiction);
        return Map.of("jurisdiction", jurisdiction,
                "own", facts.own().stream().map(f -> statements.view(f, false)).toList(),
                "inCounty", facts.inCounty().stream().map(f -> statements.view(f, true)).toList(),
                "history", facts.history().stream().map(f -> statements.view(f, false)).toList());
    }

    @Override
    public int order() {
        return 10;
    }
}
