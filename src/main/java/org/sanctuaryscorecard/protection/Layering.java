package org.sanctuaryscorecard.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.policy.PolicyLabel;

/**
 * The layering rule, pure: given the policies of a jurisdiction's governments (state, its counties, itself), who runs its
 * jail and a date, the effective label on each provision. No database, no web: the YAML cases run it directly.
 */
public final class Layering {

    private static final List<String> STRENGTH = List.of("protects", "limited", "silent", "contrary");

    /** A government and the policies that bind it. */
    public record Layer(String level, String geoid, List<Policy> policies) {
        public Layer {
            policies = List.copyOf(policies);
        }
    }

    /**
     * Who runs the jail of a place.
     *
     * @param place      true when the city runs its own jail
     * @param inferred   true when that was inferred from a landscape answer
     * @param assessment the published assessment the answer comes from, or null
     */
    public record JailOperator(boolean place, boolean inferred, Long assessment) {
        public static final JailOperator COUNTY_SHERIFF = new JailOperator(false, false, null);
    }

    /**
     * The situation of one jurisdiction: its state, its counties (a county: itself; a place: those it lies in; a
     * state: none) and, for a place, itself.
     */
    public record Situation(Layer state, List<Layer> counties, Layer place, JailOperator jail) {
        public Situation {
            counties = List.copyOf(counties);
            jail = jail == null ? JailOperator.COUNTY_SHERIFF : jail;
        }
    }

    private final LayeringRules rules;

    public Layering(LayeringRules rules) {
        this.rules = rules;
    }

    public LayeringRules rules() {
        return rules;
    }

    /** Whether a policy counts on a date, by its status and dates. */
    public boolean counts(Policy policy, LocalDate asOf) {
        String how = rules.statuses().get(policy.status().id());
        if (how == null || "never".equals(how)) {
            return false;
        }
        if (policy.countedFrom().date().isAfter(asOf)) {
            return false;
        }
        if ("until-ended".equals(how)) {
            return policy.endedOn() != null && asOf.isBefore(policy.endedOn());
        }
        return policy.endedOn() == null || asOf.isBefore(policy.endedOn());
    }

    /** The effective label on one provision. */
    public EffectiveLabel effective(Situation s, String provision, LocalDate asOf) {
        boolean jail = rules.followsJail(provision) && s.place() != null;
        boolean jailInCity = jail && s.jail().place();
        List<EffectiveLabel.Source> candidates = new ArrayList<>(sources(s.state(), provision, asOf));
        int counties = Math.max(1, s.counties().size());
        if (!jailInCity) {
            candidates.addAll(weakestCounty(s.counties(), provision, asOf));
        }
        if (s.place() != null && (!jail || jailInCity)) {
            candidates.addAll(sources(s.place(), provision, asOf));
        }
        String jailRunBy = jail ? (jailInCity ? "place" : "county") : null;
        boolean inferred = jailInCity && s.jail().inferred();
        Long assessment = jail ? s.jail().assessment() : null;
        List<EffectiveLabel.Source> spoken = candidates.stream().filter(c -> !"silent".equals(c.label())).toList();
        if (spoken.isEmpty()) {
            return new EffectiveLabel(provision, "silent", null, rules.followsJail(provision), jailRunBy, inferred, assessment,
                    counties, false, List.of(), null);
        }
        // preemption: a higher government's contrary law overrides lower governments' protections
        for (EffectiveLabel.Source higher : spoken) {
            if (!"contrary".equals(higher.label())) {
                continue;
            }
            List<EffectiveLabel.Source> overridden = spoken.stream()
                    .filter(c -> protective(c) && rules.preempts(higher.level(), c.level())).toList();
            // two laws of the same government that disagree are not preemption: the precedence below decides, the
            // contrary one shown as a conflict
            boolean sameGovernmentProtects = spoken.stream().anyMatch(c -> protective(c) && c.level().equals(higher.level()));
            if (!overridden.isEmpty() && !sameGovernmentProtects) {
                return new EffectiveLabel(provision, "contrary", higher, rules.followsJail(provision), jailRunBy, inferred,
                        assessment, counties, true, overridden, null);
            }
        }
        // otherwise the strongest label in force; among equals, the highest government (the floor)
        EffectiveLabel.Source best = spoken.stream().min(Comparator.comparingInt((EffectiveLabel.Source c) -> rules.rank(c.label()))
                .thenComparingInt(c -> rules.levels().indexOf(c.level()))).orElseThrow();
        List<EffectiveLabel.Source> conflicts = "contrary".equals(best.label()) ? List.of()
                : spoken.stream().filter(c -> "contrary".equals(c.label())).toList();
        return new EffectiveLabel(provision, best.label(), best, rules.followsJail(provision), jailRunBy, inferred, assessment,
                counties, false, conflicts, null);
    }

    /** The effective label on every provision, in the order given. */
    public List<EffectiveLabel> effective(Situation s, List<String> provisions, LocalDate asOf) {
        return provisions.stream().map(p -> effective(s, p, asOf)).toList();
    }

    private static boolean protective(EffectiveLabel.Source source) {
        return "protects".equals(source.label()) || "limited".equals(source.label());
    }

    /** The county layer of a place in several counties: the county whose strongest label is the weakest. */
    private List<EffectiveLabel.Source> weakestCounty(List<Layer> counties, String provision, LocalDate asOf) {
        List<EffectiveLabel.Source> chosen = List.of();
        int weakest = -1;
        for (Layer county : counties) {
            List<EffectiveLabel.Source> sources = sources(county, provision, asOf);
            int strongest = sources.stream().mapToInt(c -> STRENGTH.size() - 1 - STRENGTH.indexOf(c.label())).max()
                    .orElse(STRENGTH.size() - 1 - STRENGTH.indexOf("silent"));
            if (weakest < 0 || strongest < weakest) {
                weakest = strongest;
                chosen = sources;
            }
        }
        return chosen;
    }

    private List<EffectiveLabel.Source> sources(Layer layer, String provision, LocalDate asOf) {
        if (layer == null) {
            return List.of();
        }
        List<EffectiveLabel.Source> sources = new ArrayList<>();
        for (Policy policy : layer.policies()) {
            if (!counts(policy, asOf)) {
                continue;
            }
            PolicyLabel label = policy.label(provision);
            Policy.CountedFrom from = policy.countedFrom();
            sources.add(new EffectiveLabel.Source(layer.level(), layer.geoid(), policy.id(), policy.name(), label.label(),
                    label.quote(), policy.status().id(), rules.warn().contains(policy.status().id()), from.date(), from.basis(),
                    from.note()));
        }
        return sources;
    }
}
