package org.sanctuaryscorecard.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanctuaryscorecard.assessment.AssessmentListing;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.policy.Policy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Effective protection per provision, for one jurisdiction or for every state or county at once (the national map),
 * on a date. Each label explains itself in words: the label, the policy, its government, the quote, whether its source
 * leaves open that it is still in force, the jail it follows and any conflict.
 */
@Service
public class EffectiveProtections {

    private final Layering layering;
    private final Policies policies;
    private final JurisdictionCatalog jurisdictions;
    private final Assessments assessments;
    private final Framework framework;
    private final Explanations explanations;

    public EffectiveProtections(Layering layering, Policies policies, JurisdictionCatalog jurisdictions, Assessments assessments,
                                Framework framework, MessageSource messages) {
        this.layering = layering;
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.assessments = assessments;
        this.framework = framework;
        this.explanations = new Explanations(framework, layering.rules(), messages);
    }

    /** The provisions in the framework's order. */
    public List<String> provisions() {
        return framework.provisions().stream().map(Framework.Provision::id).toList();
    }

    /**
     * The thirteen effective labels of a jurisdiction on a date.
     *
     * @throws org.sanctuaryscorecard.jurisdiction.UnknownJurisdictionException when there is no such jurisdiction
     */
    public List<EffectiveLabel> forJurisdiction(String geoid, LocalDate asOf) {
        Jurisdiction j = jurisdictions.require(geoid);
        Map<String, List<Policy>> byGeoid = byGeoid(policies.all());
        Layering.Layer state = layer("state", j.stateGeoid(), byGeoid);
        List<Layering.Layer> counties = new ArrayList<>();
        Layering.Layer place = null;
        Layering.JailOperator jail = Layering.JailOperator.COUNTY_SHERIFF;
        if (j.kind() == JurisdictionKind.COUNTY) {
            counties.add(layer("county", j.geoid(), byGeoid));
        } else if (j.kind() != JurisdictionKind.STATE) {
            j.countyGeoids().forEach(c -> counties.add(layer("county", c, byGeoid)));
            place = layer("place", j.geoid(), byGeoid);
            jail = jailOperator(j.geoid());
        }
        Layering.Situation situation = new Layering.Situation(state, counties, place, jail);
        Map<EffectiveLabel, EffectiveLabel> explained = new HashMap<>();
        return layering.effective(situation, provisions(), asOf).stream().map(l -> explain(l, explained)).toList();
    }

    /**
     * The effective labels of every state ("state") or every county ("county") on a date, by GEOID, for a map. The
     * policies are read once; each state's result is computed once and shared by its counties that have no policy of
     * their own.
     */
    public Map<String, List<EffectiveLabel>> forAll(String level, LocalDate asOf) {
        Map<EffectiveLabel, EffectiveLabel> explained = new HashMap<>();
        return NationalPicture.compute(layering, jurisdictions, policies.all(), provisions(), level, asOf,
                l -> explain(l, explained));
    }

    /**
     * Who runs a city's jail: the city itself when its latest published assessment answers the rules' landscape question
     * with one of their choices (an inference, said so), else the county sheriff.
     */
    public Layering.JailOperator jailOperator(String placeGeoid) {
        LayeringRules rules = layering.rules();
        Optional<AssessmentListing> latest = assessments.listFor(placeGeoid).stream()
                .filter(a -> a.status() == AssessmentStatus.PUBLISHED).findFirst();
        if (latest.isEmpty()) {
            return Layering.JailOperator.COUNTY_SHERIFF;
        }
        String choice = assessments.get(latest.get().id()).content().landscapeAnswer(rules.ownJailQuestion()).choice();
        return choice != null && rules.ownJailChoices().contains(choice)
                ? new Layering.JailOperator(true, true, latest.get().id())
                : new Layering.JailOperator(false, false, latest.get().id());
    }

    static Map<String, List<Policy>> byGeoid(List<Policy> all) {
        Map<String, List<Policy>> byGeoid = new HashMap<>();
        for (Policy p : all) {
            for (String geoid : p.binds()) {
                byGeoid.computeIfAbsent(geoid, k -> new ArrayList<>()).add(p);
            }
        }
        return byGeoid;
    }

    static Layering.Layer layer(String level, String geoid, Map<String, List<Policy>> byGeoid) {
        return new Layering.Layer(level, geoid, byGeoid.getOrDefault(geoid, List.of()));
    }

    private EffectiveLabel explain(EffectiveLabel label, Map<EffectiveLabel, EffectiveLabel> explained) {
        return explained.computeIfAbsent(label, l -> l.withExplanation(words(l)));
    }

    /** The label in words. */
    public String words(EffectiveLabel l) {
        return explanations.words(l);
    }
}
