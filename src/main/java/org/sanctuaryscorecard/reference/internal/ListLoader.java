package org.sanctuaryscorecard.reference.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.sanctuaryscorecard.reference.ReferenceImportException;
import org.sanctuaryscorecard.reference.ReferenceKind;
import org.sanctuaryscorecard.reference.ReferenceList;

/**
 * Loads one list file: reads and checks it, matches its rows, stores the list and its facts, and marks the current list
 * of its kind superseded. A list older than the current one is refused unless forced; the same file again is refused.
 * The caller holds the transaction.
 */
public final class ListLoader {

    /** What a load did: the new list, and the one it superseded (or null). */
    public record Loaded(ReferenceList list, ReferenceList superseded) {
    }

    private final ReferenceStore store;
    private final Matcher matcher;
    private final Clock clock;

    public ListLoader(ReferenceStore store, Matcher matcher, Clock clock) {
        this.store = store;
        this.matcher = matcher;
        this.clock = clock;
    }

    public Loaded load(ReferenceKind kind, String fileName, byte[] bytes, LocalDate listDate, String source, String origin,
                       String loadedBy, boolean force) {
        ListFile file = ListFile.read(kind, fileName, bytes);
        List<FactRows.NewFact> facts = FactRows.of(kind, file, matcher);
        String sha256 = sha256(bytes);
        Optional<ReferenceList> current = store.current(kind, true);
        if (current.isPresent()) {
            ReferenceList older = current.get();
            if (older.sha256().equals(sha256) && older.listDate().equals(listDate)) {
                throw new ReferenceImportException("reference.import.same", fileName, kind.id(), older.listDate().toString());
            }
            if (listDate.isBefore(older.listDate()) && !force) {
                throw new ReferenceImportException("reference.import.older", fileName, listDate.toString(), kind.id(),
                        older.listDate().toString());
            }
        }
        int matched = (int) facts.stream().filter(f -> f.geoid() != null).count();
        var now = clock.instant();
        long id = store.insertList(kind, listDate, source, fileName, sha256, origin, now, loadedBy, facts.size(), matched);
        store.insertFacts(id, facts);
        current.ifPresent(older -> store.supersede(older.id(), id, now));
        return new Loaded(store.list(id).orElseThrow(), current.flatMap(older -> store.list(older.id())).orElse(null));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
