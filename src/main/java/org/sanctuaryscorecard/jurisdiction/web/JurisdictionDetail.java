package org.sanctuaryscorecard.jurisdiction.web;

import java.util.List;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;

/**
 * One jurisdiction in the API, with the governments above it.
 *
 * @param government false for a census-designated place, which has no government of its own
 * @param parents    the counties it lies in, then its state (nearest first)
 * @param countiesInferred true when the county was inferred from the place's location, not listed by the Census
 * @param children   how many counties (of a state) or places (of a county) it contains
 */
record JurisdictionDetail(String geoid, String name, String shortName, String kind, String type, String state,
                          String stateName, Long population, boolean government, List<JurisdictionSummary> parents,
                          boolean countiesInferred, int children) {

    static JurisdictionDetail of(Jurisdiction j, JurisdictionCatalog catalog) {
        return new JurisdictionDetail(j.geoid(), j.name(), j.shortName(), j.kind().id(), j.type(), j.stateCode(),
                catalog.stateOf(j).name(), j.population(), j.kind().isGovernment(),
                catalog.parents(j).stream().map(p -> JurisdictionSummary.of(p, catalog)).toList(),
                j.countiesInferred(), catalog.children(j).size());
    }
}
