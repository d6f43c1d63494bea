package org.sanctuaryscorecard.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A new policy as a person or the shipped seed gives it. Labels by provision; a provision not given is silent.
 * {@code inForceBy} and {@code inForceByNote}: see {@link Policy}.
 */
public record PolicyInput(String jurisdictionGeoid, List<String> alsoBinds, String title, String kind, String citation,
                          String sourceUrl, String sourceNote, String enactedNote, LocalDate enactedOn, LocalDate effectiveOn,
                          String status, String statusNote, LocalDate endedOn, LocalDate inForceBy, String inForceByNote,
                          String body, Map<String, LabelInput> labels) {

    public PolicyInput {
        alsoBinds = alsoBinds == null ? List.of() : List.copyOf(alsoBinds);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The date it counts from: its effective date, else its enactment date, else null. */
    public LocalDate from() {
        return effectiveOn != null ? effectiveOn : enactedOn;
    }

    /** One label: protects, limited, contrary or silent, and its verbatim quote (required unless silent). */
    public record LabelInput(String label, String quote) {
    }
}
