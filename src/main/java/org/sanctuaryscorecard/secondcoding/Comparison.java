package org.sanctuaryscorecard.secondcoding;

import java.util.List;

/** A submitted second coding compared with the first, question by question, with the divergence rate. */
public record Comparison(CodingRequest request, List<QuestionComparison> questions, Divergence divergence) {

    public Comparison {
        questions = List.copyOf(questions);
    }

    /** The questions where both answered and differ and no one has decided yet. */
    public long undecided() {
        return questions.stream().filter(q -> q.agreement() == Agreement.DIFFERENT && q.reconciliation() == null).count();
    }
}
