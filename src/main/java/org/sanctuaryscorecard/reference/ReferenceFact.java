package org.sanctuaryscorecard.reference;

import java.time.LocalDate;
import java.util.Map;

/**
 * One row of a list: what the list says, and the jurisdiction it was matched to.
 *
 * @param list        the list it belongs to
 * @param line        its line in the file (the header is line 1)
 * @param geoid       the state, county or place it was matched to, or null
 * @param matchMethod how: county-fips, county-name, place-name, state, state-agency, census-geoid, county-of-agency, none
 * @param matchNote   why it is unmatched, or what to keep in mind about its match, or null
 * @param agency      the agency, the jurisdiction as listed, or the facility's name (verbatim)
 * @param model       the 287(g) model, the list's section, or the facility's type (verbatim)
 * @param signed      the signing date (287(g) agreements), or null
 * @param moaUrl      the agreement's address (287(g)), or null
 * @param original    the row as the file has it, column by column
 */
public record ReferenceFact(ReferenceList list, int line, String geoid, String matchMethod, String matchNote, String agency,
                            String model, LocalDate signed, String moaUrl, Map<String, String> original) {

    public boolean matched() {
        return geoid != null;
    }

    /** A column of the original row, or "" when the file has none. */
    public String column(String name) {
        String value = original.get(name);
        return value == null ? "" : value;
    }

    /**
     * True when the fact is about the jurisdiction's own government: a county's sheriff on the county, a city's police
     * on the place, a state agency on the state, a listed jurisdiction on itself. False for a municipal agency placed
     * only in its county.
     */
    public boolean aboutItsOwnGovernment() {
        return geoid != null && !"county-of-agency".equals(matchMethod);
    }
}
