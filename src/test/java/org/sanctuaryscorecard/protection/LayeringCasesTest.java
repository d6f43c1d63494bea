package org.sanctuaryscorecard.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.FrameworkLoader;
import org.sanctuaryscorecard.policy.Policy;
import org.sanctuaryscorecard.policy.PolicyLabel;
import org.sanctuaryscorecard.policy.PolicyStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Runs the layering cases of {@code protection/cases.yaml}, which read like the law, against the shipped rules. */
class LayeringCasesTest {

    static final Framework FRAMEWORK = FrameworkLoader.readBundled();
    static final Layering LAYERING = new Layering(LayeringRules.readBundled(FRAMEWORK));

    static List<JsonNode> cases() {
        try (InputStream in = LayeringCasesTest.class.getResourceAsStream("/protection/cases.yaml")) {
            List<JsonNode> cases = new ArrayList<>();
            YAMLMapper.builder().build().readTree(in).values().forEach(cases::add);
            return cases;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A policy as a case gives it: every label not given is silent; each quote names its policy. */
    static Policy policy(JsonNode p) {
        long id = p.get("id").asLong();
        Map<String, PolicyLabel> labels = new HashMap<>();
        p.get("labels").properties().forEach(e -> labels.put(e.getKey(), new PolicyLabel(e.getKey(), e.getValue().asString(),
                "quote of policy " + id, PolicyLabel.PERSON, null, "test", Instant.EPOCH)));
        String status = p.has("status") ? p.get("status").asString() : "unverified";
        return new Policy(id, "00", List.of(), "Policy " + id, "statute", "Policy " + id, null, null, null, null,
                date(p, "effective-on"), PolicyStatus.of(status).orElseThrow(), null, date(p, "ended-on"), date(p, "in-force-by"),
                p.has("in-force-by") ? "test: the year only" : null, null, null, recorded(p), recorded(p), 1, labels);
    }

    /** When the policy was put on record: {@code recorded-on} at midnight UTC, else 1970-01-01. */
    private static Instant recorded(JsonNode p) {
        LocalDate on = date(p, "recorded-on");
        return on == null ? Instant.EPOCH : on.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.has(field) ? LocalDate.parse(node.get(field).asString()) : null;
    }

    static Layering.Situation situation(JsonNode c) {
        Map<String, List<Policy>> byLevel = new HashMap<>();
        c.get("policies").values().forEach(p -> byLevel.computeIfAbsent(p.get("level").asString(), k -> new ArrayList<>()).add(policy(p)));
        Layering.Layer state = new Layering.Layer("state", "00", byLevel.getOrDefault("state", List.of()));
        Layering.Layer county = new Layering.Layer("county", "00001", byLevel.getOrDefault("county", List.of()));
        Layering.Layer county2 = new Layering.Layer("county", "00002", byLevel.getOrDefault("county-2", List.of()));
        Layering.Layer place = new Layering.Layer("place", "0000001", byLevel.getOrDefault("place", List.of()));
        Layering.JailOperator jail = c.has("jail") && "own".equals(c.get("jail").asString())
                ? new Layering.JailOperator(true, true, 1L) : Layering.JailOperator.COUNTY_SHERIFF;
        return switch (c.get("jurisdiction").asString()) {
            case "state" -> new Layering.Situation(state, List.of(), null, null);
            case "county" -> new Layering.Situation(state, List.of(county), null, null);
            case "place" -> new Layering.Situation(state, List.of(county), place, jail);
            case "place-in-two-counties" -> new Layering.Situation(state, List.of(county, county2), place, jail);
            default -> throw new IllegalArgumentException("jurisdiction: " + c.get("jurisdiction").asString());
        };
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGivesTheExpectedLabel() {
        return cases().stream().flatMap(c -> c.get("expect").properties().stream().map(e -> DynamicTest.dynamicTest(
                c.get("case").asString() + ": " + e.getKey() + " -> " + e.getValue().get("label").asString(), () -> {
                    String provision = e.getKey();
                    assertThat(FRAMEWORK.provisions()).as("provision %s", provision).anyMatch(p -> p.id().equals(provision));
                    JsonNode expect = e.getValue();
                    EffectiveLabel result = LAYERING.effective(situation(c), provision, LocalDate.parse(c.get("as-of").asString()));

                    assertThat(result.label()).isEqualTo(expect.get("label").asString());
                    if (expect.has("from")) {
                        assertThat(result.source()).isNotNull();
                        assertThat(result.source().policyId()).isEqualTo(expect.get("from").asLong());
                        assertThat(result.source().quote()).isEqualTo("quote of policy " + expect.get("from").asLong());
                    } else {
                        assertThat(result.source()).isNull();
                    }
                    if (expect.has("preempted")) {
                        assertThat(result.preempted()).isEqualTo(expect.get("preempted").asBoolean());
                    }
                    if (expect.has("conflicts")) {
                        assertThat(result.conflicts().stream().map(EffectiveLabel.Source::policyId).toList())
                                .containsExactlyInAnyOrderElementsOf(expect.get("conflicts").values().stream().map(JsonNode::asLong).toList());
                    }
                    if (expect.has("jail")) {
                        assertThat(result.jailRunBy()).isEqualTo(expect.get("jail").asString());
                    }
                })));
    }

    @Test
    void theCasesCoverTheRulesTheIssueAsksFor() {
        List<String> names = cases().stream().map(c -> c.get("case").asString()).toList();
        assertThat(names).anyMatch(n -> n.startsWith("a state floor raises a county"))
                .anyMatch(n -> n.startsWith("state preemption overrides a city's protection and shows the conflict"))
                .anyMatch(n -> n.startsWith("a city using the county jail inherits the sheriff's policy"))
                .anyMatch(n -> n.startsWith("a city with its own jail keeps its own"))
                .anyMatch(n -> n.startsWith("repealed law does not count"))
                .anyMatch(n -> n.startsWith("enjoined law does not count"))
                .anyMatch(n -> n.startsWith("a bill that was not enacted never counts"));
    }
}
