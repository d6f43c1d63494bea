package org.sanctuaryscorecard.correction;

/**
 * No such correction request, or none the current person may see: the two are answered alike (404), so that no one
 * learns whether a request exists.
 */
public final class CorrectionNotFoundException extends RuntimeException {

    private final long id;

    public CorrectionNotFoundException(long id) {
        super("no correction request " + id, null, false, false);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
