package org.sanctuaryscorecard.secondcoding.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.report.ScorecardQuestionNotes;
import org.sanctuaryscorecard.secondcoding.SecondCoding;
import org.springframework.stereotype.Component;

/**
 * Under each question of the scorecard: whether it was second-coded, and if the coders differed, who reconciled it,
 * when and whose answer they kept. Says so when the answer shown is no longer the one decided or confirmed.
 */
@Component
class SecondCodingNotes implements ScorecardQuestionNotes {

    private final SecondCoding secondCoding;

    SecondCodingNotes(SecondCoding secondCoding) {
        this.secondCoding = secondCoding;
    }

    /**
     * One question's note. {@code followed} is "first", "second" or "neither" when reconciled, else null; {@code blind}
     * is false when the second coder opened the assessment while coding it.
     */
    public record Note(boolean reconciled, String by, String when, String followed, boolean changedSince, boolean blind) {
    }

    @Override
    public String template() {
        return "secondcoding/scorecard-note";
    }

    @Override
    public Map<String, Note> notes(Assessment assessment, AssessmentContent shown, Integer revision) {
        Map<String, Note> notes = new LinkedHashMap<>();
        secondCoding.marks(assessment.id(), revision).forEach((question, mark) -> notes.put(question, new Note(mark.reconciled(),
                mark.by(), mark.at() == null ? "" : CodingView.WHEN.format(mark.at()),
                mark.followed() == null ? null : mark.followed().id(),
                !Objects.equals(mark.answer(), shown.answer(question).answer()), mark.blind())));
        return notes;
    }
}
