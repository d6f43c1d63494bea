package org.sanctuaryscorecard.jurisdiction;

import java.util.List;

/**
 * A U.S. state, county or place, identified by its Census GEOID ("06" California, "06085" Santa Clara
 * County, "0668000" San Jose).
 *
 * @param geoid        the Census GEOID: 2 digits for a state, 5 for a county, 7 for a place
 * @param name         the Census name, with its legal description ("Santa Clara County", "San Jose city")
 * @param shortName    the name without the legal description ("Santa Clara", "San Jose")
 * @param kind         state, county, incorporated place or census-designated place
 * @param type         the Census legal or statistical description ("County", "Parish", "city", "CDP", "territory")
 * @param stateGeoid   the 2-digit GEOID of the state it lies in (its own GEOID for a state)
 * @param stateCode    the USPS code of that state ("CA")
 * @param population   ACS 2019–2023 5-year estimate of total population, or null where the Census gives none
 * @param countyGeoids for a place, the counties it lies in (several when it spans counties); empty otherwise
 * @param countiesInferred true when the Census relationship file does not list the place's county and the application
 *                     inferred it from the place's internal point and the county boundaries
 */
public record Jurisdiction(
        String geoid,
        String name,
        String shortName,
        JurisdictionKind kind,
        String type,
        String stateGeoid,
        String stateCode,
        Long population,
        List<String> countyGeoids,
        boolean countiesInferred) {

    public Jurisdiction {
        countyGeoids = List.copyOf(countyGeoids);
    }

    /** True when a GEOID has the shape of a state, county or place GEOID (2, 5 or 7 digits). */
    public static boolean isWellFormedGeoid(String geoid) {
        return geoid != null && (geoid.length() == 2 || geoid.length() == 5 || geoid.length() == 7)
                && geoid.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
