package org.sanctuaryscorecard.reference.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;

/**
 * Matches a list's row to a state, county or place of the catalog, and says how. A name is matched only where exactly
 * one jurisdiction of the state has it; anything else stays unmatched, with the reason.
 */
public final class Matcher {

    /** Connecticut: no county government since 1960, planning regions instead of counties in the Census since 2022. */
    static final String CONNECTICUT = "09";

    /** The outcome: the GEOID or null, how, and a note (why unmatched, or what to keep in mind). */
    public record Match(String geoid, String method, String note) {
        static Match none(String note) {
            return new Match(null, "none", note);
        }
    }

    private static final Pattern COUNTY_WORDS = Pattern.compile(
            " (county|parish|borough|city and borough|census area|municipality|municipio)$");
    private static final Pattern AGENCY_WORDS = Pattern.compile(
            " (police department|police dept|police services department|police"
                    + "|department of public safety|public safety department|public safety|marshal s office)$");
    private static final Pattern PLACE_WORD = Pattern.compile(" (city|town|township|village)$");
    private static final Pattern PLACE_PREFIX = Pattern.compile("^(city|town|village|borough|township) of ");

    private final JurisdictionCatalog catalog;
    private final Map<String, Jurisdiction> statesByCode = new HashMap<>();
    private final Map<String, Jurisdiction> statesByName = new HashMap<>();
    private final Map<String, List<Jurisdiction>> countiesByName = new HashMap<>();
    private final Map<String, List<Jurisdiction>> placesByName = new HashMap<>();

    public Matcher(JurisdictionCatalog catalog) {
        this.catalog = catalog;
        for (Jurisdiction j : catalog.all()) {
            if (j.kind() == JurisdictionKind.STATE) {
                statesByCode.put(j.stateCode(), j);
                statesByName.put(normalize(j.name()), j);
            } else if (j.kind() == JurisdictionKind.COUNTY) {
                countiesByName.computeIfAbsent(j.stateGeoid() + "|" + normalize(j.name()), k -> new ArrayList<>()).add(j);
                String shortKey = j.stateGeoid() + "|" + stripCounty(normalize(j.name()));
                if (!shortKey.equals(j.stateGeoid() + "|" + normalize(j.name()))) {
                    countiesByName.computeIfAbsent("short:" + shortKey, k -> new ArrayList<>()).add(j);
                }
            } else if (j.kind() == JurisdictionKind.INCORPORATED_PLACE) {
                placesByName.computeIfAbsent(j.stateGeoid() + "|" + normalize(j.shortName()), k -> new ArrayList<>()).add(j);
            }
        }
    }

    /** The state with this USPS code ("AL") or name ("ALABAMA", "Alabama"). */
    public Optional<Jurisdiction> state(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        Jurisdiction byCode = statesByCode.get(codeOrName.strip().toUpperCase(Locale.ROOT));
        return Optional.ofNullable(byCode != null ? byCode : statesByName.get(normalize(codeOrName)));
    }

    /** A county of the state by name, with or without "County"; Connecticut's old counties are not matched. */
    public Match county(Jurisdiction state, String name) {
        if (name == null || name.isBlank() || name.strip().equals("#N/A")) {
            return Match.none("no-county");
        }
        if (state.geoid().equals(CONNECTICUT)) {
            return Match.none("connecticut");
        }
        String key = state.geoid() + "|" + normalize(name);
        List<Jurisdiction> exact = countiesByName.getOrDefault(key, List.of());
        if (exact.size() == 1) {
            return new Match(exact.get(0).geoid(), "county-name", null);
        }
        String stripped = state.geoid() + "|" + stripCounty(normalize(name));
        List<Jurisdiction> found = new ArrayList<>(countiesByName.getOrDefault("short:" + stripped, List.of()));
        countiesByName.getOrDefault(stripped, List.of()).stream().filter(j -> !found.contains(j)).forEach(found::add);
        if (found.size() == 1) {
            return new Match(found.get(0).geoid(), "county-name", null);
        }
        return Match.none(found.isEmpty() ? "not-found" : "ambiguous");
    }

    /** A county given by its FIPS code in the file, where the catalog has it. */
    public Optional<Match> countyFips(String geoid) {
        if (geoid == null || !geoid.strip().matches("\\d{5}")) {
            return Optional.empty();
        }
        return catalog.find(geoid.strip()).filter(j -> j.kind() == JurisdictionKind.COUNTY)
                .map(j -> new Match(j.geoid(), "county-fips", null));
    }

    /**
     * An incorporated place of the state by name ("City of Anchorage", "Hamden"); within a county when one is given.
     * Connecticut's towns are county subdivisions, not places: a town without an incorporated place of its name stays
     * unmatched.
     */
    public Match place(Jurisdiction state, String name, String countyGeoid) {
        String key = PLACE_PREFIX.matcher(normalize(name)).replaceFirst("");
        List<Jurisdiction> found = placesByName.getOrDefault(state.geoid() + "|" + key, List.of());
        if (countyGeoid != null && found.size() > 1) {
            found = found.stream().filter(p -> p.countyGeoids().contains(countyGeoid)).toList();
        }
        if (found.size() == 1) {
            return new Match(found.get(0).geoid(), "place-name", null);
        }
        if (found.isEmpty()) {
            return Match.none(state.geoid().equals(CONNECTICUT) ? "connecticut-town" : "not-found");
        }
        return Match.none("ambiguous");
    }

    /** The place a municipal agency serves, from its name ("Mesa Police Department" → Mesa), or null when not a police name. */
    public Match agencyPlace(Jurisdiction state, String agency, String countyGeoid) {
        String name = normalize(agency);
        java.util.regex.Matcher words = AGENCY_WORDS.matcher(name);
        if (!words.find()) {
            return Match.none("not-a-place-agency");
        }
        String place = name.substring(0, words.start());
        Match match = place(state, place, countyGeoid);
        java.util.regex.Matcher word = PLACE_WORD.matcher(place);
        if (match.geoid() == null && word.find()) {
            // "Lake City Police Department" is Lake City; "Bartow City Police Department" may be Bartow
            Match shorter = place(state, place.substring(0, word.start()), countyGeoid);
            return shorter.geoid() != null ? shorter : match;
        }
        return match;
    }

    /** True when the catalog has this GEOID. */
    public boolean exists(String geoid) {
        return catalog.find(geoid).isPresent();
    }

    static String stripCounty(String normalized) {
        return COUNTY_WORDS.matcher(normalized).replaceFirst("");
    }

    /** Lower case, no accents, "&" as "and", "Saint" as "st", punctuation as spaces, single spaces. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replace("\u2019", "'");
        plain = plain.replaceAll("[^a-z0-9]+", " ").strip().replaceAll(" +", " ");
        return plain.replaceAll("(^| )(saint|ste|st) ", "$1st ");
    }
}
