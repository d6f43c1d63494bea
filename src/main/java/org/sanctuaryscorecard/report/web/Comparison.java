package org.sanctuaryscorecard.report.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.scoring.CriterionResult;
import org.sanctuaryscorecard.scoring.ScoreSummary;
import org.sanctuaryscorecard.scoring.Scoring;

/**
 * What {@code /compare} shows: two to five jurisdictions side by side, each with its latest published assessment (or
 * none: "not assessed", which is not "not met"), criterion by criterion and provision by provision, with the sources.
 */
public final class Comparison {

    /** Quotes longer than this are shortened on the comparison (in full on the scorecard). */
    static final int QUOTE_MAX = 280;

    private final List<Column> columns;

    Comparison(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    /** A source shown in a cell: the evidence, and its quote shortened when long. */
    public record Source(Evidence evidence, String quote, boolean shortened) {
        static Source of(Evidence e) {
            String quote = e.quote();
            if (quote == null || quote.length() <= QUOTE_MAX) {
                return new Source(e, quote, false);
            }
            int cut = quote.lastIndexOf(' ', QUOTE_MAX);
            return new Source(e, quote.substring(0, cut > QUOTE_MAX / 2 ? cut : QUOTE_MAX).strip() + " \u2026", true);
        }
    }

    /** One jurisdiction; {@code assessment} is null when it has no published assessment. */
    public static final class Column {
        private final Jurisdiction jurisdiction;
        private final Assessment assessment;
        private final ScoreSummary scores;
        private final Framework framework;

        Column(Jurisdiction jurisdiction, Assessment assessment, Framework framework) {
            this.jurisdiction = jurisdiction;
            this.assessment = assessment;
            this.framework = framework;
            this.scores = assessment == null ? null : Scoring.summarize(framework, assessment.content().answerCodes(),
                    assessment.content().provisionLabels());
        }

        public Jurisdiction jurisdiction() {
            return jurisdiction;
        }

        public Assessment assessment() {
            return assessment;
        }

        public boolean assessed() {
            return assessment != null;
        }

        public ScoreSummary scores() {
            return scores;
        }

        public AssessmentContent content() {
            return assessment == null ? null : assessment.content();
        }

        /** The criterion's computed status (only when assessed). */
        public CriterionResult result(String criterionId) {
            return scores.criterion(criterionId);
        }

        /** The sources of a criterion: the evidence of each of its questions, in question then number order. */
        public List<Source> criterionSources(Framework.Criterion criterion) {
            List<Source> sources = new ArrayList<>();
            Set<Integer> seen = new LinkedHashSet<>();
            for (Framework.CriterionQuestion q : criterion.questions()) {
                for (Evidence e : assessment.content().evidenceFor(q.id())) {
                    if (seen.add(e.number())) {
                        sources.add(Source.of(e));
                    }
                }
            }
            return sources;
        }

        /** The provision's label, or null when not labeled yet. */
        public String label(String provisionId) {
            return assessment.content().provisionCheck(provisionId).label();
        }

        /** The words of a label ("Protects"). */
        public String labelName(String label) {
            return framework.provisionLabels().stream().filter(l -> l.id().equals(label))
                    .map(Framework.ProvisionLabel::name).findFirst().orElse(label);
        }

        /** The sources of a provision. */
        public List<Source> provisionSources(String provisionId) {
            return assessment.content().evidenceFor("provision." + provisionId).stream().map(Source::of).toList();
        }
    }
}
