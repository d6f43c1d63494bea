package org.sanctuaryscorecard.correction;

/**
 * There is no published scorecard with this number: it does not exist, or it is a draft or in review. Only published
 * scorecards take correction requests, and the two cases are answered alike (404).
 */
public final class NoPublishedScorecardException extends RuntimeException {

    private final long assessmentId;

    public NoPublishedScorecardException(long assessmentId) {
        super("no published assessment " + assessmentId, null, false, false);
        this.assessmentId = assessmentId;
    }

    public long assessmentId() {
        return assessmentId;
    }
}
