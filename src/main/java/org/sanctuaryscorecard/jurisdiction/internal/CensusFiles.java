package org.sanctuaryscorecard.jurisdiction.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;

/**
 * Reads the Census reference files shipped under {@code jurisdiction/census/} (see the NOTICE there for their
 * sources and vintages) into jurisdictions.
 */
public final class CensusFiles {

    static final String DIRECTORY = "jurisdiction/census/";
    static final String STATES = DIRECTORY + "geo_states_usgeo.csv";
    static final String COUNTIES = DIRECTORY + "geo_counties_census_gazetteer_2025.txt";
    static final String COUNTY_EXTRAS = DIRECTORY + "geo_counties_usgeo.csv";
    static final String PLACES = DIRECTORY + "geo_places_with_population_2025.csv";
    static final String INFERRED_COUNTIES = DIRECTORY + "place_counties_inferred.csv";

    /** Words the Census appends to consolidated and unusual place names that carry no "lsad" description. */
    private static final List<String> GOVERNMENT_SUFFIXES = List.of(
            " metropolitan government", " metro government", " consolidated government", " unified government",
            " urban county", " city and borough", " city", " town", " village", " borough", " municipality");

    /**
     * Known errors in the source files, corrected here and listed in the NOTICE: us_geo's states.csv gives the U.S.
     * Virgin Islands FIPS code 74 (the code of the U.S. Minor Outlying Islands); its code is 78, as its county
     * GEOIDs 78010-78030 show.
     */
    private static final Map<String, String> STATE_FIPS_CORRECTIONS = Map.of("VI", "78");

    /** The legal descriptions that end county names in the gazetteer, longest first. */
    private static final List<String> COUNTY_TYPES = List.of(
            "City and Borough", "Planning Region", "Census Area", "Municipality", "Municipio", "Borough", "County",
            "Parish", "city");

    private CensusFiles() {
    }

    /** Every state, county and place in the shipped files. */
    public static List<Jurisdiction> readAll() {
        List<Jurisdiction> all = new ArrayList<>(40_000);
        read(STATES, ',', row -> {
            String code = row.get("Code");
            String geoid = STATE_FIPS_CORRECTIONS.getOrDefault(code, row.get("FIPS"));
            all.add(new Jurisdiction(geoid, row.get("Name"), row.get("Name"), JurisdictionKind.STATE,
                    row.get("Type"), geoid, code, population(row.get("Population")), List.of(), false));
        });
        // Populations, and the county-equivalents of the four island territories the gazetteer leaves out.
        Map<String, CsvLines.Row> extras = new HashMap<>();
        read(COUNTY_EXTRAS, ',', row -> extras.put(row.get("GEOID"), row));
        read(COUNTIES, '|', row -> {
            String geoid = row.get("GEOID");
            String name = row.get("NAME");
            CsvLines.Row extra = extras.remove(geoid);
            String type = COUNTY_TYPES.stream().filter(t -> name.endsWith(" " + t)).findFirst().orElse("county-equivalent");
            String shortName = name.endsWith(" " + type) ? name.substring(0, name.length() - type.length() - 1) : name;
            all.add(new Jurisdiction(geoid, name, shortName, JurisdictionKind.COUNTY, type, geoid.substring(0, 2),
                    row.get("USPS"), extra == null ? null : population(extra.get("Population")), List.of(), false));
        });
        extras.values().stream().sorted(java.util.Comparator.comparing(row -> row.get("GEOID"))).forEach(row -> {
            String name = row.get("Name");
            String shortName = row.get("Short Name");
            String type = name.startsWith(shortName + " ") ? name.substring(shortName.length() + 1) : "county-equivalent";
            all.add(new Jurisdiction(row.get("GEOID"), name, shortName, JurisdictionKind.COUNTY, type,
                    row.get("GEOID").substring(0, 2), row.get("State"), population(row.get("Population")), List.of(), false));
        });
        Map<String, List<String>> inferred = new HashMap<>();
        read(INFERRED_COUNTIES, ',', row -> inferred.computeIfAbsent(row.get("place_geoid"), k -> new ArrayList<>())
                .add(row.get("county_geoid")));
        read(PLACES, ',', row -> {
            String geoid = row.get("place_geoid");
            String name = row.get("name");
            String type = row.get("lsad_desc");
            boolean incorporated = "1".equals(row.get("is_incorporated"));
            String counties = row.get("county_geoids");
            boolean countiesInferred = counties.isEmpty() && inferred.containsKey(geoid);
            all.add(new Jurisdiction(geoid, name, shortName(name, type),
                    incorporated ? JurisdictionKind.INCORPORATED_PLACE : JurisdictionKind.CENSUS_DESIGNATED_PLACE,
                    "(no type)".equals(type) ? (incorporated ? "consolidated government" : "place") : type,
                    row.get("state_fips"), row.get("state_usps"), population(row.get("population_acs5_2023")),
                    countiesInferred ? inferred.get(geoid)
                            : counties.isEmpty() ? List.of() : Arrays.asList(counties.split(";")),
                    countiesInferred));
        });
        return all;
    }

    static String shortName(String name, String type) {
        String base = name.endsWith(" (balance)") ? name.substring(0, name.length() - " (balance)".length()) : name;
        if (!"(no type)".equals(type) && base.endsWith(" " + type)) {
            return base.substring(0, base.length() - type.length() - 1);
        }
        for (String suffix : GOVERNMENT_SUFFIXES) {
            if (base.endsWith(suffix)) {
                return base.substring(0, base.length() - suffix.length());
            }
        }
        return base;
    }

    private static Long population(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Long.valueOf(value);
    }

    private static void read(String resource, char delimiter, java.util.function.Consumer<CsvLines.Row> consumer) {
        InputStream in = CensusFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing reference file " + resource + " in the application");
        }
        try {
            CsvLines.read(in, delimiter, row -> {
                try {
                    consumer.accept(row);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + " line " + row.lineNumber() + ": " + e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(resource) ? e
                    : new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }
}
