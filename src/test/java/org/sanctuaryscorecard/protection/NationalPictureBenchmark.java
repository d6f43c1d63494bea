package org.sanctuaryscorecard.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.FrameworkLoader;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.sanctuaryscorecard.policy.PolicyStatus;
import org.sanctuaryscorecard.policy.internal.ShippedPolicies;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The national map's computation (bench/national-picture.sh): every county's 13 explained labels from the shipped
 * policies, as {@link NationalPicture} does it (each state layered once, counties without policies share it), against
 * a naive baseline measured in the same run that recomputes and explains every county from scratch, scanning all
 * policies for each. Reading the policies from the database (three queries) is not part of either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NationalPictureBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);

    JurisdictionCatalog catalog;
    Layering layering;
    Explanations explanations;
    List<Policy> policies;
    List<String> provisions;

    @Setup
    public void setUp() {
        catalog = JurisdictionCatalog.fromCensusFiles();
        Framework framework = FrameworkLoader.readBundled();
        layering = new Layering(LayeringRules.readBundled(framework));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        explanations = new Explanations(framework, layering.rules(), messages);
        provisions = framework.provisions().stream().map(Framework.Provision::id).toList();
        policies = shippedPolicies();
    }

    /** The shipped policies as the application stores them, numbered in order. */
    static List<Policy> shippedPolicies() {
        List<Policy> policies = new ArrayList<>();
        long id = 1;
        for (ShippedPolicies.Shipped s : ShippedPolicies.read()) {
            var in = s.input();
            Map<String, PolicyLabel> labels = new LinkedHashMap<>();
            in.labels().forEach((k, v) -> labels.put(k, new PolicyLabel(k, v.label(), v.quote(), PolicyLabel.CORPUS, null, null, null)));
            policies.add(new Policy(id++, in.jurisdictionGeoid(), in.alsoBinds(), in.title(), in.kind(), in.citation(), in.sourceUrl(),
                    in.sourceNote(), in.enactedNote(), in.enactedOn(), in.effectiveOn(), PolicyStatus.of(in.status()).orElseThrow(),
                    in.statusNote(), in.endedOn(), in.inForceBy(), in.inForceByNote(), s.seed(), null, Instant.EPOCH, Instant.EPOCH, 1,
                    labels));
        }
        return policies;
    }

    @Benchmark
    public Map<String, List<EffectiveLabel>> sharedPerState() {
        Map<EffectiveLabel, EffectiveLabel> explained = new HashMap<>();
        return NationalPicture.compute(layering, catalog, policies, provisions, "county", AS_OF,
                l -> explained.computeIfAbsent(l, x -> x.withExplanation(explanations.words(x))));
    }

    @Benchmark
    public Map<String, List<EffectiveLabel>> naivePerCounty() {
        Map<String, List<EffectiveLabel>> counties = new LinkedHashMap<>();
        for (Jurisdiction c : catalog.all()) {
            if (c.kind() != JurisdictionKind.COUNTY) {
                continue;
            }
            List<Policy> state = policies.stream().filter(p -> p.binds().contains(c.stateGeoid())).toList();
            List<Policy> county = policies.stream().filter(p -> p.binds().contains(c.geoid())).toList();
            Layering.Situation situation = new Layering.Situation(new Layering.Layer("state", c.stateGeoid(), state),
                    List.of(new Layering.Layer("county", c.geoid(), county)), null, null);
            counties.put(c.geoid(), layering.effective(situation, provisions, AS_OF).stream()
                    .map(l -> l.withExplanation(explanations.words(l))).toList());
        }
        return counties;
    }
}
