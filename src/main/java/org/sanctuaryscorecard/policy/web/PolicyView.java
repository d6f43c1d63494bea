package org.sanctuaryscorecard.policy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.policy.PolicyLabel;

/** A policy as the JSON API shows it: its record, its labels in the framework's order and, on request, its text. */
record PolicyView(long id, String jurisdiction, List<String> alsoBinds, String title, String kind, String citation,
                  String sourceUrl, String sourceNote, String enacted, LocalDate enactedOn, LocalDate effectiveOn, String status,
                  String statusNote, LocalDate endedOn, LocalDate inForceBy, String inForceByNote, Policy.CountedFrom countedFrom,
                  boolean shipped, Instant updatedAt, int version, List<PolicyLabel> labels,
                  String text) {

    static PolicyView of(Policy p, List<String> provisions, String text) {
        return new PolicyView(p.id(), p.jurisdictionGeoid(), p.alsoBinds(), p.title(), p.kind(), p.citation(), p.sourceUrl(),
                p.sourceNote(), p.enactedNote(), p.enactedOn(), p.effectiveOn(), p.status().id(), p.statusNote(), p.endedOn(),
                p.inForceBy(), p.inForceByNote(), p.countedFrom(), p.seed() != null, p.updatedAt(), p.version(), provisions.stream().map(p::label).toList(), text);
    }
}
