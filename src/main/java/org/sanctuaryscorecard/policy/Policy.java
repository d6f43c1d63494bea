package org.sanctuaryscorecard.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A policy record without its text ({@link Policies#text}): what it is, who adopted it, where it came from, whether it
 * is law, and its labels by provision.
 *
 * @param jurisdictionGeoid the government that adopted it (a sheriff's policy: its county)
 * @param alsoBinds         other GEOIDs of the same government (a consolidated city-county); may be empty
 * @param kind              statute, ordinance, resolution, executive-order, directive, department-policy, bill ...
 * @param sourceNote        where the text was taken from, as the source says
 * @param enactedNote       the enactment as the source states it
 * @param enactedOn         enactment date, where the source gives it in full
 * @param effectiveOn       from when this text applies, where the source gives it in full
 * @param endedOn           from when it no longer applies (superseded, repealed, enjoined), where known
 * @param inForceBy         where the source gives no full date but a year or a month: the last day of the latest one its
 *                          stored wording dates from (an inference, explained in {@code inForceByNote})
 * @param seed              "seed:" and the shipped file's name, or null for a policy a person added
 * @param organizationId    the organization in whose name an editor added it, or null
 */
public record Policy(long id, String jurisdictionGeoid, List<String> alsoBinds, String title, String kind, String citation,
                     String sourceUrl, String sourceNote, String enactedNote, LocalDate enactedOn, LocalDate effectiveOn,
                     PolicyStatus status, String statusNote, LocalDate endedOn, LocalDate inForceBy,
                     String inForceByNote, String seed, Long organizationId,
                     Instant createdAt, Instant updatedAt, int version, Map<String, PolicyLabel> labels) {

    public Policy {
        alsoBinds = List.copyOf(alsoBinds);
        labels = Map.copyOf(labels);
    }

    /** Every GEOID it binds: its adopter first. */
    public List<String> binds() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(jurisdictionGeoid), alsoBinds.stream()).toList();
    }

    /** The label on a provision; silent when none is recorded. */
    public PolicyLabel label(String provision) {
        PolicyLabel label = labels.get(provision);
        return label != null ? label : new PolicyLabel(provision, "silent", null, PolicyLabel.CORPUS, null, null, null);
    }

    /** The date it counts from: its effective date, else its enactment date, else null (unknown). */
    public LocalDate from() {
        return effectiveOn != null ? effectiveOn : enactedOn;
    }

    /**
     * From when it counts, and on what: its effective or enactment date (the source's), else the date it was in force by
     * (inferred from a year or a month the source gives), else the day it was put on record here (UTC): a text is never
     * counted at a date before it may have been law.
     */
    public CountedFrom countedFrom() {
        if (from() != null) {
            return new CountedFrom(from(), CountedFrom.SOURCE_DATE, null);
        }
        if (inForceBy != null) {
            return new CountedFrom(inForceBy, CountedFrom.IN_FORCE_BY, inForceByNote);
        }
        return new CountedFrom(createdAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(), CountedFrom.RECORDED, null);
    }

    /**
     * A date a policy counts from and its basis: {@link #SOURCE_DATE}, {@link #IN_FORCE_BY} (an inference, {@code note}
     * says on what) or {@link #RECORDED} (no date known: the day it was put on record, an inference too).
     */
    public record CountedFrom(LocalDate date, String basis, String note) {
        public static final String SOURCE_DATE = "source-date";
        public static final String IN_FORCE_BY = "in-force-by";
        public static final String RECORDED = "recorded";
    }

    /** A short name: its citation, or its title. */
    public String name() {
        return citation != null && !citation.isBlank() ? citation : title;
    }
}
