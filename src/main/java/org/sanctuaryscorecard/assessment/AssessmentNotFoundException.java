package org.sanctuaryscorecard.assessment;

/** No assessment has this id (or no revision has this number). */
public final class AssessmentNotFoundException extends RuntimeException {

    private final long id;
    private final Integer revision;

    public AssessmentNotFoundException(long id) {
        this(id, null);
    }

    public AssessmentNotFoundException(long id, Integer revision) {
        super(revision == null ? "no assessment " + id : "assessment " + id + " has no revision " + revision);
        this.id = id;
        this.revision = revision;
    }

    public long id() {
        return id;
    }

    /** The revision asked for, or null when the assessment itself is missing. */
    public Integer revision() {
        return revision;
    }
}
