package org.sanctuaryscorecard.report;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;

/**
 * Notes that another module adds under each question of a scorecard (second coding says who reconciled an answer), so
 * that the report module does not depend on it. The template must define {@code th:fragment="note(notes, question)"}:
 * {@code notes} is what {@link #notes} returned, {@code question} the question's id.
 */
public interface ScorecardQuestionNotes {

    /** The template that holds the fragment, such as "secondcoding/scorecard-note". */
    String template();

    /**
     * The fragment's data for one scorecard.
     *
     * @param shown    the content the scorecard shows (the current one, or a past revision's)
     * @param revision the revision shown, or null for the current one
     */
    Object notes(Assessment assessment, AssessmentContent shown, Integer revision);
}
