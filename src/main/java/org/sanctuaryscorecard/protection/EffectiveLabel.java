package org.sanctuaryscorecard.protection;

import java.util.List;

/**
 * A jurisdiction's effective label on one provision, and where it comes from.
 *
 * @param provision      the provision's id
 * @param label          protects, limited, contrary or silent
 * @param source         the policy it comes from, or null when silent for want of any policy
 * @param jail           true when the provision follows the jail
 * @param jailRunBy      for a jail provision: "county" or "place" (who runs the jail counted), else null
 * @param jailInferred   true when the city was taken to run its own jail from its landscape answer (an inference)
 * @param jailAssessment the published assessment that answer comes from, or null
 * @param counties       how many counties the place lies in, when several (the weakest county layer counts), else 1
 * @param preempted      true when the state's contrary law overrides local protections
 * @param conflicts      other policies in force that say otherwise: the overridden protections, or a contrary rule
 *                       that does not preempt
 * @param explanation    all of it in words (set by {@link EffectiveProtections}; null from {@link Layering})
 */
public record EffectiveLabel(String provision, String label, Source source, boolean jail, String jailRunBy,
                             boolean jailInferred, Long jailAssessment, int counties, boolean preempted,
                             List<Source> conflicts, String explanation) {

    public EffectiveLabel {
        conflicts = List.copyOf(conflicts);
    }

    /**
     * One policy's label as it counts here.
     *
     * @param level      state, county or place
     * @param geoid      the government it binds here
     * @param policyId   the policy record
     * @param name       its citation (or title)
     * @param label      its label on the provision
     * @param quote      the words the label rests on
     * @param status     its status (in-force, unverified ...)
     * @param unverified true when its source does not establish that it is still in force
     * @param countedFrom the date it counts from ({@code Policy.countedFrom})
     * @param countedFromBasis source-date, in-force-by (inferred from a year or month the source gives) or recorded
     *                   (no date: the day it was put on record, inferred too)
     * @param countedFromNote on what an in-force-by date rests
     */
    public record Source(String level, String geoid, long policyId, String name, String label, String quote, String status,
                         boolean unverified, java.time.LocalDate countedFrom, String countedFromBasis, String countedFromNote) {
    }

    public EffectiveLabel withExplanation(String words) {
        return new EffectiveLabel(provision, label, source, jail, jailRunBy, jailInferred, jailAssessment, counties, preempted,
                conflicts, words);
    }
}
