package org.sanctuaryscorecard.scoring;

import java.util.List;
import java.util.Map;

/**
 * Every criterion's result and the counts a journalist could quote ("meets 5 of 8 criteria; 2 partly; 1 not yet
 * assessed"), with the ideal-policy checklist counted by label. No single opaque number.
 *
 * @param criteria       one result per criterion, in the framework's order
 * @param statusCounts   how many criteria have each status (every status present, zero included)
 * @param provisionCount the number of provisions in the checklist
 * @param labelCounts    how many provisions carry each label (protects, limited, contrary, silent); unlabeled ones
 *                       are {@code provisionCount} minus the sum
 */
public record ScoreSummary(List<CriterionResult> criteria, Map<CriterionStatus, Integer> statusCounts,
                           int provisionCount, Map<String, Integer> labelCounts) {

    /** The number of criteria with this status. */
    public int count(CriterionStatus status) {
        return statusCounts.getOrDefault(status, 0);
    }

    /** The number of provisions with this label. */
    public int labelCount(String label) {
        return labelCounts.getOrDefault(label, 0);
    }

    /** The number of provisions not labeled yet. */
    public int unlabeledCount() {
        return provisionCount - labelCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The result for one criterion. */
    public CriterionResult criterion(String criterionId) {
        return criteria.stream().filter(r -> r.criterionId().equals(criterionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion " + criterionId));
    }
}
