package org.sanctuaryscorecard.jurisdiction;

/** What kind of place a jurisdiction is, in the Census Bureau's terms. */
public enum JurisdictionKind {
    /** A state, the District of Columbia, Puerto Rico or another territory (2-digit GEOID). */
    STATE("state"),
    /** A county or county-equivalent: parish, borough, census area, independent city, planning region (5 digits). */
    COUNTY("county"),
    /** An incorporated place: a city, town, village or borough with its own government (7 digits). */
    INCORPORATED_PLACE("incorporated-place"),
    /** A census-designated place: an unincorporated community named for statistics only, with no government of its own. */
    CENSUS_DESIGNATED_PLACE("census-designated-place");

    private final String id;

    JurisdictionKind(String id) {
        this.id = id;
    }

    /** The stable name used in the API and URLs. */
    public String id() {
        return id;
    }

    /** True for states, counties and incorporated places; false for census-designated places. */
    public boolean isGovernment() {
        return this != CENSUS_DESIGNATED_PLACE;
    }
}
