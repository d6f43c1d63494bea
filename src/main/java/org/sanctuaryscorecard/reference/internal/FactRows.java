package org.sanctuaryscorecard.reference.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.reference.ReferenceImportException;
import org.sanctuaryscorecard.reference.ReferenceImportException.Problem;
import org.sanctuaryscorecard.reference.ReferenceKind;

/** Turns a list file's rows into facts, matched to jurisdictions; a row that cannot be read is a problem with its line. */
public final class FactRows {

    /** A fact before it is stored. */
    public record NewFact(int line, String geoid, String method, String note, String agency, String model,
                          LocalDate signed, String moaUrl, Map<String, String> original) {
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private FactRows() {
    }

    public static List<NewFact> of(ReferenceKind kind, ListFile file, Matcher matcher) {
        List<NewFact> facts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ListFile.Row row : file.rows()) {
            try {
                facts.add(fact(kind, row, matcher));
            } catch (RowProblem p) {
                problems.add(p.problem);
                if (problems.size() >= ListFile.MAX_PROBLEMS) {
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ReferenceImportException(problems);
        }
        return facts;
    }

    private static NewFact fact(ReferenceKind kind, ListFile.Row row, Matcher matcher) {
        return switch (kind) {
            case ICE_287G, ICE_287G_PENDING -> agreement(kind, row, matcher);
            case DHS_LIST -> listed(row, matcher, require(row, "state_abbr"), null);
            case DOJ_LIST -> listed(row, matcher, require(row, "state_usps"), row.get("census_geoid_matched"));
            case DETENTION -> facility(row, matcher);
        };
    }

    private static NewFact agreement(ReferenceKind kind, ListFile.Row row, Matcher matcher) {
        String agency = require(row, "law_enforcement_agency");
        String stateText = row.get("state_usps").isEmpty() ? require(row, "state") : row.get("state_usps");
        String type = require(row, "type");
        String model = require(row, "support_type");
        LocalDate signed = kind == ReferenceKind.ICE_287G ? date(row, "signed") : null;
        String moa = row.get("moa_url").isEmpty() ? null : row.get("moa_url");
        Jurisdiction state = matcher.state(stateText).orElse(null);
        if (state == null) {
            return unknownState(row, agency, model, signed, moa);
        }
        Optional<Matcher.Match> fips = matcher.countyFips(row.get("county_geoid_matched"));
        Matcher.Match county = fips.orElseGet(() -> matcher.county(state, row.get("county")));
        Matcher.Match match;
        if (type.equalsIgnoreCase("State Agency")) {
            match = new Matcher.Match(state.geoid(), "state-agency", null);
        } else if (type.equalsIgnoreCase("Municipality")) {
            Matcher.Match place = matcher.agencyPlace(state, agency, county.geoid());
            if (place.geoid() != null) {
                match = place;
            } else if (county.geoid() != null) {
                match = new Matcher.Match(county.geoid(), "county-of-agency", place.note());
            } else {
                match = Matcher.Match.none(county.note() != null && county.note().equals("connecticut") ? "connecticut" : place.note());
            }
        } else {
            match = county;
        }
        return new NewFact(row.line(), match.geoid(), match.method(), match.note(), agency, model, signed, moa, row.values());
    }

    private static NewFact listed(ListFile.Row row, Matcher matcher, String stateCode, String givenGeoid) {
        String listed = require(row, "jurisdiction_as_listed");
        String section = require(row, "list_section");
        Jurisdiction state = matcher.state(stateCode).orElse(null);
        if (state == null) {
            return unknownState(row, listed, section, null, null);
        }
        Matcher.Match match;
        if (givenGeoid != null && givenGeoid.matches("\\d{2}|\\d{5}|\\d{7}") && matcher.exists(givenGeoid)) {
            match = new Matcher.Match(givenGeoid, "census-geoid", null);
        } else if (section.equalsIgnoreCase("State")) {
            match = new Matcher.Match(state.geoid(), "state", null);
        } else if (section.equalsIgnoreCase("County")) {
            match = matcher.county(state, listed);
        } else {
            match = matcher.place(state, listed, null);
        }
        return new NewFact(row.line(), match.geoid(), match.method(), match.note(), listed, section, null, null, row.values());
    }

    private static NewFact facility(ListFile.Row row, Matcher matcher) {
        String name = require(row, "name");
        String type = row.get("type_detailed");
        Jurisdiction state = matcher.state(row.get("state")).orElse(null);
        if (state == null) {
            return unknownState(row, name, type.isEmpty() ? null : type, null, null);
        }
        Matcher.Match match = matcher.county(state, row.get("county"));
        return new NewFact(row.line(), match.geoid(), match.method(), match.note(), name, type.isEmpty() ? null : type,
                null, null, row.values());
    }

    /** A row whose state is not a U.S. state, district or territory ("NA" in the facility list): kept, unmatched. */
    private static NewFact unknownState(ListFile.Row row, String agency, String model, LocalDate signed, String moa) {
        return new NewFact(row.line(), null, "none", "unknown-state", agency, model, signed, moa, row.values());
    }

    private static String require(ListFile.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new RowProblem(new Problem("reference.import.emptyValue", row.line(), column));
        }
        return value;
    }

    /**
     * A date as yyyy-mm-dd or m/d/yyyy; empty is no date, and so is text that is not a date (ICE's sheet of 2025-07-18
     * has "7/72025" and "05/082025"): the row is kept, its text shown as the list gives it, never guessed.
     */
    private static LocalDate date(ListFile.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, US_DATE) : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A row's problem, carried out of the per-kind code. */
    private static final class RowProblem extends RuntimeException {
        private final transient Problem problem;

        RowProblem(Problem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }
    }
}
