package org.sanctuaryscorecard.jurisdiction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.jurisdiction.internal.CensusFiles;
import org.sanctuaryscorecard.jurisdiction.internal.NameIndex;

/**
 * Every U.S. state, county and Census place, in memory: lookup by GEOID, the hierarchy, and search by name.
 * Built from the Census files shipped with the application; needs no database, so the command line uses it too.
 */
public final class JurisdictionCatalog {

    /** Longest query accepted by {@link #search}; longer input is refused, not truncated. */
    public static final int MAX_QUERY_LENGTH = 100;
    /** Most results one search returns. */
    public static final int MAX_RESULTS = 50;

    private final Map<String, Jurisdiction> byGeoid;
    private final Map<String, List<Jurisdiction>> countiesByState = new HashMap<>();
    private final Map<String, List<Jurisdiction>> placesByCounty = new HashMap<>();
    private final Map<String, List<Jurisdiction>> placesByState = new HashMap<>();
    private final EnumMap<JurisdictionKind, Integer> counts = new EnumMap<>(JurisdictionKind.class);
    private final NameIndex index;

    /** A catalog of the given jurisdictions. */
    public JurisdictionCatalog(Collection<Jurisdiction> jurisdictions) {
        byGeoid = new HashMap<>(jurisdictions.size() * 2);
        for (Jurisdiction j : jurisdictions) {
            if (byGeoid.put(j.geoid(), j) != null) {
                throw new IllegalArgumentException("duplicate GEOID " + j.geoid());
            }
            counts.merge(j.kind(), 1, Integer::sum);
            switch (j.kind()) {
                case COUNTY -> countiesByState.computeIfAbsent(j.stateGeoid(), k -> new ArrayList<>()).add(j);
                case INCORPORATED_PLACE, CENSUS_DESIGNATED_PLACE -> {
                    placesByState.computeIfAbsent(j.stateGeoid(), k -> new ArrayList<>()).add(j);
                    j.countyGeoids().forEach(c -> placesByCounty.computeIfAbsent(c, k -> new ArrayList<>()).add(j));
                }
                default -> { }
            }
        }
        for (Jurisdiction j : jurisdictions) {
            Jurisdiction state = byGeoid.get(j.stateGeoid());
            if (state == null || state.kind() != JurisdictionKind.STATE) {
                throw new IllegalArgumentException(j.geoid() + " " + j.name() + " lies in state " + j.stateGeoid()
                        + ", which is not in the list of states");
            }
            for (String county : j.countyGeoids()) {
                if (!byGeoid.containsKey(county)) {
                    throw new IllegalArgumentException(j.geoid() + " " + j.name() + " lies in county " + county
                            + ", which is not in the list of counties");
                }
            }
        }
        Comparator<Jurisdiction> childOrder = Comparator
                .comparing((Jurisdiction j) -> j.kind().ordinal())
                .thenComparing(Jurisdiction::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Jurisdiction::geoid);
        countiesByState.values().forEach(list -> list.sort(childOrder));
        placesByCounty.values().forEach(list -> list.sort(childOrder));
        placesByState.values().forEach(list -> list.sort(childOrder));
        List<Jurisdiction> sorted = new ArrayList<>(jurisdictions);
        sorted.sort(Comparator.comparing(Jurisdiction::geoid));
        index = new NameIndex(sorted, j -> byGeoid.get(j.stateGeoid()));
    }

    /** The catalog of every jurisdiction in the Census files shipped with the application. */
    public static JurisdictionCatalog fromCensusFiles() {
        return new JurisdictionCatalog(CensusFiles.readAll());
    }

    /** The jurisdiction with this GEOID, if there is one. */
    public Optional<Jurisdiction> find(String geoid) {
        return Optional.ofNullable(geoid == null ? null : byGeoid.get(geoid));
    }

    /**
     * The jurisdiction with this GEOID.
     *
     * @throws UnknownJurisdictionException when the text is not a GEOID or names no jurisdiction
     */
    public Jurisdiction require(String geoid) {
        if (!Jurisdiction.isWellFormedGeoid(geoid)) {
            throw new UnknownJurisdictionException(geoid, true);
        }
        return find(geoid).orElseThrow(() -> new UnknownJurisdictionException(geoid, false));
    }

    /** Every jurisdiction, in no particular order. */
    public Collection<Jurisdiction> all() {
        return byGeoid.values();
    }

    /** The state a jurisdiction lies in (a state is its own). */
    public Jurisdiction stateOf(Jurisdiction jurisdiction) {
        return byGeoid.get(jurisdiction.stateGeoid());
    }

    /** The governments above a jurisdiction, nearest first: a place's counties, then its state. */
    public List<Jurisdiction> parents(Jurisdiction jurisdiction) {
        List<Jurisdiction> parents = new ArrayList<>();
        for (String county : jurisdiction.countyGeoids()) {
            find(county).ifPresent(parents::add);
        }
        if (jurisdiction.kind() != JurisdictionKind.STATE) {
            parents.add(stateOf(jurisdiction));
        }
        return parents;
    }

    /** The counties of a state, or the places in a county, ordered by kind and name. */
    public List<Jurisdiction> children(Jurisdiction jurisdiction) {
        return switch (jurisdiction.kind()) {
            case STATE -> countiesByState.getOrDefault(jurisdiction.geoid(), List.of());
            case COUNTY -> placesByCounty.getOrDefault(jurisdiction.geoid(), List.of());
            default -> List.of();
        };
    }

    /** How many jurisdictions of a kind the catalog holds. */
    public int count(JurisdictionKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Total number of jurisdictions. */
    public int size() {
        return byGeoid.size();
    }

    /**
     * Jurisdictions whose name matches what a person typed, best first: whole-name matches, then names starting
     * with the query, larger populations first. Tolerates abbreviations ("st louis"), accents and small typos.
     *
     * @throws InvalidSearchException when the query is blank or longer than {@link #MAX_QUERY_LENGTH}
     */
    public List<Jurisdiction> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidSearchException("error.search.blank");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidSearchException("error.search.tooLong", query.length(), MAX_QUERY_LENGTH);
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new InvalidSearchException("error.search.limit", MAX_RESULTS);
        }
        return index.search(query, limit);
    }

    /**
     * A search that cannot be run. It carries the key of its message in {@code messages.properties} and the
     * message's arguments, so that each interface can say it in the person's language; {@link #getMessage()} is the
     * English text.
     */
    public static final class InvalidSearchException extends IllegalArgumentException {
        private final String messageKey;
        private final transient Object[] arguments;

        public InvalidSearchException(String messageKey, Object... arguments) {
            super(english(messageKey, arguments));
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        /** The key of the message in {@code messages.properties}. */
        public String messageKey() {
            return messageKey;
        }

        /** The arguments of the message. */
        public Object[] arguments() {
            return arguments.clone();
        }

        private static String english(String key, Object... arguments) {
            String pattern = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT).getString(key);
            return arguments.length == 0 ? pattern
                    : new java.text.MessageFormat(pattern, java.util.Locale.US).format(arguments);
        }
    }
}
