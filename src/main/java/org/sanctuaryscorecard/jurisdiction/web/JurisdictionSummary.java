package org.sanctuaryscorecard.jurisdiction.web;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;

/** One jurisdiction in API lists: {@code {geoid, name, kind, state, stateName, population}}. */
record JurisdictionSummary(String geoid, String name, String kind, String state, String stateName, Long population) {

    static JurisdictionSummary of(Jurisdiction j, JurisdictionCatalog catalog) {
        return new JurisdictionSummary(j.geoid(), j.name(), j.kind().id(), j.stateCode(), catalog.stateOf(j).name(),
                j.population());
    }
}
