package org.sanctuaryscorecard.assessment;

import java.time.Instant;
import java.util.Map;

/**
 * An assessment of one jurisdiction: its current content, where it stands in its history, and the version of each
 * editable item (the revision that last changed it), which a client sends back when it saves that item.
 */
public record Assessment(
        long id,
        String jurisdictionGeoid,
        long organizationId,
        String frameworkId,
        String frameworkVersion,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        AssessmentContent content,
        Map<String, Integer> itemVersions) {

    public Assessment {
        itemVersions = Map.copyOf(itemVersions);
    }

    /** Where it stands: draft, in review or published. */
    public AssessmentStatus status() {
        return content.status();
    }

    /** The version of an item (0 when it was never saved). */
    public int version(String item) {
        return itemVersions.getOrDefault(item, 0);
    }
}
