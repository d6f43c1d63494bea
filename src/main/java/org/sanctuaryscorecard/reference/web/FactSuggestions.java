package org.sanctuaryscorecard.reference.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.reference.ReferenceFact;
import org.sanctuaryscorecard.reference.ReferenceKind;

/**
 * What the current public lists suggest for one assessment of the jurisdiction they name, for a person to confirm:
 * a 287(g) agreement listed with the jurisdiction's own agency suggests "No" to the criterion-8 questions on 287(g)
 * agreements and on contracts with ICE; an IGSA facility in a county suggests "No" to the question on renting jail beds
 * to ICE; each with the facts as its explanation and each fact's row as evidence; and the statements as the landscape's
 * account of how local agencies work with ICE. Checked by default only where the assessment has nothing yet.
 */
final class FactSuggestions {

    static final String NO_287G = "question.contracts.no-287g-agreement";
    static final String NO_ICE_CONTRACTS = "question.contracts.no-ice-contracts";
    static final String NO_BED_SPACE = "question.contracts.no-bed-space-agreement";
    static final String RESPONSE_PRACTICE = "landscape.response-practice";
    /** Facility types that are intergovernmental service agreements with ICE (dedicated or not). */
    static final Set<String> IGSA = Set.of("IGSA", "DIGSA");

    enum Kind { ANSWER, EVIDENCE, LANDSCAPE }

    /**
     * One suggestion.
     *
     * @param key      its checkbox value ("answer:question.x", "evidence:LIST:LINE:question.x", "landscape:landscape.x")
     * @param item     the assessment item whose version guards the save, or null for evidence
     * @param target   the question id
     * @param proposed the answer code, or the landscape text, or the evidence quote
     * @param current  what the assessment has now, or null (for evidence: the number of the same quote already there)
     * @param facts    the facts it comes from
     * @param version  the item's version now
     * @param checked  checked by default
     */
    record Suggestion(Kind kind, String key, String item, String target, String proposed, String current,
                      List<ReferenceFact> facts, List<String> statements, int version, boolean checked) {

        public boolean same() {
            return kind == Kind.EVIDENCE ? current != null : Objects.equals(current, proposed);
        }
    }

    private final List<Suggestion> suggestions;

    private FactSuggestions(List<Suggestion> suggestions) {
        this.suggestions = suggestions;
    }

    List<Suggestion> all() {
        return suggestions;
    }

    Map<String, Suggestion> byKey() {
        Map<String, Suggestion> byKey = new LinkedHashMap<>();
        suggestions.forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    /**
     * @param facts      the current lists' facts about the assessment's own jurisdiction
     * @param statements each fact's statement, in the same order
     * @param quote      each fact's evidence quote, in the same order
     */
    static FactSuggestions of(Assessment assessment, List<ReferenceFact> facts, List<String> statements, List<String> quote) {
        List<ReferenceFact> agreements = new ArrayList<>();
        List<String> agreementStatements = new ArrayList<>();
        List<ReferenceFact> facilities = new ArrayList<>();
        List<String> facilityStatements = new ArrayList<>();
        Map<ReferenceFact, String> quotes = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            ReferenceFact fact = facts.get(i);
            if (!fact.aboutItsOwnGovernment() || !fact.list().current()) {
                continue;
            }
            if (fact.list().kind() == ReferenceKind.ICE_287G) {
                agreements.add(fact);
                agreementStatements.add(statements.get(i));
                quotes.put(fact, quote.get(i));
            } else if (fact.list().kind() == ReferenceKind.DETENTION && fact.model() != null && IGSA.contains(fact.model())) {
                facilities.add(fact);
                facilityStatements.add(statements.get(i));
                quotes.put(fact, quote.get(i));
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        if (!agreements.isEmpty()) {
            suggestions.add(answer(assessment, NO_287G, agreements, agreementStatements));
            suggestions.add(answer(assessment, NO_ICE_CONTRACTS, agreements, agreementStatements));
            evidence(assessment, NO_287G, agreements, quotes, suggestions);
            AssessmentContent.LandscapeAnswer landscape = assessment.content().landscapeAnswer(RESPONSE_PRACTICE);
            String current = landscape == null || landscape.text() == null || landscape.text().isBlank() ? null : landscape.text();
            String proposed = String.join("\n", agreementStatements);
            String item = "landscape/" + RESPONSE_PRACTICE;
            suggestions.add(new Suggestion(Kind.LANDSCAPE, "landscape:" + RESPONSE_PRACTICE, item, RESPONSE_PRACTICE,
                    proposed, current, agreements, agreementStatements, assessment.version(item), current == null));
        }
        if (!facilities.isEmpty()) {
            suggestions.add(answer(assessment, NO_BED_SPACE, facilities, facilityStatements));
            evidence(assessment, NO_BED_SPACE, facilities, quotes, suggestions);
        }
        return new FactSuggestions(List.copyOf(suggestions));
    }

    private static Suggestion answer(Assessment assessment, String question, List<ReferenceFact> facts, List<String> statements) {
        String item = "answer/" + question;
        String current = assessment.content().answer(question).answer();
        return new Suggestion(Kind.ANSWER, "answer:" + question, item, question, "N", current, facts, statements,
                assessment.version(item), current == null);
    }

    private static void evidence(Assessment assessment, String question, List<ReferenceFact> facts,
                                 Map<ReferenceFact, String> quotes, List<Suggestion> into) {
        for (ReferenceFact fact : facts) {
            String quote = quotes.get(fact);
            String same = assessment.content().evidenceFor(question).stream().filter(e -> quote.equals(e.quote())).findFirst()
                    .map(e -> String.valueOf(e.number())).orElse(null);
            into.add(new Suggestion(Kind.EVIDENCE, "evidence:" + fact.list().id() + ":" + fact.line() + ":" + question, null,
                    question, quote, same, List.of(fact), List.of(), 0, same == null));
        }
    }
}
