package org.sanctuaryscorecard.reference;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.reference.internal.ListLoader;
import org.sanctuaryscorecard.reference.internal.ReferenceStore;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public lists and their facts: reading them for pages and the API, and importing a newer list (which supersedes
 * the current one of its kind; the older stays, as history). Every import is audited.
 */
public class ReferenceData {

    /** Longest source description accepted on import. */
    public static final int SOURCE_MAX = 2000;

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ICE_DATE = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");

    /**
     * The facts about one jurisdiction.
     *
     * @param own      from the current lists, matched to the jurisdiction itself
     * @param inCounty for a place: from the current lists, matched to the county it lies in
     * @param history  from superseded lists, matched to the jurisdiction itself
     */
    public record JurisdictionFacts(List<ReferenceFact> own, List<ReferenceFact> inCounty, List<ReferenceFact> history) {
        public boolean isEmpty() {
            return own.isEmpty() && inCounty.isEmpty() && history.isEmpty();
        }
    }

    private final ReferenceStore store;
    private final ListLoader loader;
    private final AuditTrail audit;

    public ReferenceData(ReferenceStore store, ListLoader loader, AuditTrail audit) {
        this.store = store;
        this.loader = loader;
        this.audit = audit;
    }

    /** Every list, by kind, the newest first. */
    @Transactional(readOnly = true)
    public List<ReferenceList> lists() {
        return store.lists();
    }

    @Transactional(readOnly = true)
    public Optional<ReferenceList> list(long id) {
        return store.list(id);
    }

    /** The current list of a kind, if any was loaded. */
    @Transactional(readOnly = true)
    public Optional<ReferenceList> current(ReferenceKind kind) {
        return store.current(kind, false);
    }

    /** A list's facts; only the unmatched ones when {@code unmatchedOnly}. */
    @Transactional(readOnly = true)
    public List<ReferenceFact> facts(long listId, boolean unmatchedOnly) {
        return store.facts(listId, unmatchedOnly);
    }

    /** What the lists say about a jurisdiction (and, for a place, about its counties). */
    @Transactional(readOnly = true)
    public JurisdictionFacts factsFor(Jurisdiction jurisdiction) {
        boolean place = jurisdiction.kind() == JurisdictionKind.INCORPORATED_PLACE
                || jurisdiction.kind() == JurisdictionKind.CENSUS_DESIGNATED_PLACE;
        List<String> geoids = new ArrayList<>();
        geoids.add(jurisdiction.geoid());
        if (place) {
            geoids.addAll(jurisdiction.countyGeoids());
        }
        List<ReferenceFact> own = new ArrayList<>();
        List<ReferenceFact> inCounty = new ArrayList<>();
        List<ReferenceFact> history = new ArrayList<>();
        for (ReferenceFact fact : store.factsFor(geoids)) {
            boolean itself = fact.geoid().equals(jurisdiction.geoid());
            if (!fact.list().current()) {
                if (itself) {
                    history.add(fact);
                }
            } else if (itself) {
                own.add(fact);
            } else {
                inCounty.add(fact);
            }
        }
        return new JurisdictionFacts(List.copyOf(own), List.copyOf(inCounty), List.copyOf(history));
    }

    /**
     * Imports a list file as the newest of its kind, as the current actor ({@link Actor#current()}).
     *
     * @param listDate the date of the list; null: read from the file's name (2025-07-18, or ICE's 07182025)
     * @param force    import even when the list is older than the current one
     * @throws ReferenceImportException when the file cannot be read or is refused; nothing is changed then
     */
    @Transactional
    public ListLoader.Loaded importList(ReferenceKind kind, String fileName, byte[] bytes, LocalDate listDate, String source,
                                        boolean force) {
        LocalDate date = listDate != null ? listDate : dateFromName(fileName)
                .orElseThrow(() -> new ReferenceImportException("reference.import.noDate", fileName));
        String from = source == null || source.isBlank() ? fileName : source.strip();
        if (from.length() > SOURCE_MAX) {
            throw new ReferenceImportException("reference.import.sourceTooLong", from.length(), SOURCE_MAX);
        }
        String by = "import " + kind.id() + ", by " + Actor.current().name();
        ListLoader.Loaded loaded = loader.load(kind, fileName, bytes, date, from, "imported", by, force);
        audit.record(null, "reference-list", String.valueOf(loaded.list().id()), "import",
                loaded.superseded() == null ? null : summary(loaded.superseded()), summary(loaded.list()));
        return loaded;
    }

    /** The date in a file's name: 2025-07-18, or ICE's own 07182025. */
    public static Optional<LocalDate> dateFromName(String fileName) {
        String name = fileName == null ? "" : fileName;
        try {
            java.util.regex.Matcher iso = ISO_DATE.matcher(name);
            if (iso.find()) {
                return Optional.of(LocalDate.parse(iso.group(1)));
            }
            java.util.regex.Matcher ice = ICE_DATE.matcher(name);
            if (ice.find()) {
                return Optional.of(LocalDate.parse(ice.group(1), DateTimeFormatter.ofPattern("MMddyyyy")));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<String, Object> summary(ReferenceList list) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", list.id());
        summary.put("kind", list.kind().id());
        summary.put("listDate", list.listDate().toString());
        summary.put("file", list.fileName());
        summary.put("sha256", list.sha256());
        summary.put("rows", list.rows());
        summary.put("matched", list.matched());
        summary.put("supersededBy", list.supersededBy());
        return summary;
    }
}
