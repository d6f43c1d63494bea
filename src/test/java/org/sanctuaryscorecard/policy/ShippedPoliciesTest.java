package org.sanctuaryscorecard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.policy.internal.ShippedPolicies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The shipped policies: every GEOID real, every quote verbatim in its text, stored once, never federal, never invented. */
@ScorecardWebTest
class ShippedPoliciesTest {

    @Autowired
    Policies policies;

    @Autowired
    JurisdictionCatalog jurisdictions;

    @Autowired
    Framework framework;

    @Autowired
    ShippedPolicies shipped;

    @Test
    void everyShippedPolicyNamesARealJurisdictionAndQuotesItsTextVerbatim() {
        List<ShippedPolicies.Shipped> all = ShippedPolicies.read();
        assertThat(all).hasSize(30);
        Set<String> provisions = Set.copyOf(framework.provisions().stream().map(Framework.Provision::id).toList());
        for (ShippedPolicies.Shipped s : all) {
            PolicyInput p = s.input();
            assertThat(jurisdictions.find(p.jurisdictionGeoid())).as("%s: GEOID %s", s.file(), p.jurisdictionGeoid()).isPresent();
            p.alsoBinds().forEach(g -> assertThat(jurisdictions.find(g)).as("%s: also binds %s", s.file(), g).isPresent());
            assertThat(s.file()).as("federal law is context, not a layer").doesNotStartWith("us-federal");
            assertThat(p.labels().keySet()).as(s.file()).isEqualTo(provisions);
            p.labels().forEach((provision, l) -> {
                if (!"silent".equals(l.label())) {
                    assertThat(p.body()).as("%s %s: quote verbatim", s.file(), provision).contains(l.quote());
                }
            });
            assertThat(PolicyStatus.of(p.status())).as(s.file()).isPresent();
            assertThat(p.status()).as("no source block says a text is in force today").isNotEqualTo("in-force");
            if (p.enactedNote() != null && p.enactedNote().startsWith("not enacted")) {
                assertThat(p.status()).as(s.file()).isEqualTo("not-enacted");
            }
            assertThat(p.title()).as(s.file()).isNotBlank();
        }
    }

    @Test
    void theAdoptingGovernmentIsTheOneTheSourceNames() {
        for (ShippedPolicies.Shipped s : ShippedPolicies.read()) {
            PolicyInput p = s.input();
            String adopter = jurisdictions.find(p.jurisdictionGeoid()).orElseThrow().shortName();
            String state = jurisdictions.stateOf(jurisdictions.find(p.jurisdictionGeoid()).orElseThrow()).name();
            // the source's jurisdiction ("State of California", "City of Chicago, Illinois", "Santa Cruz County Sheriff's
            // Office, California") names the adopter, and the state it lies in
            String said = s.file().contains("-dc-") ? "District of Columbia" : adopter;
            assertThat(s.input().title() + " " + s.input().sourceNote()).as(s.file()).isNotBlank();
            assertThat(sourceJurisdiction(s)).as(s.file()).contains(said);
            if (!s.file().contains("-dc-")) {
                assertThat(sourceJurisdiction(s)).as(s.file()).contains(state);
            }
        }
        // a sheriff's policy belongs to its county; San Francisco is a city and a county
        assertThat(jurisdictions.find("06087").orElseThrow().name()).isEqualTo("Santa Cruz County");
        PolicyInput sf = ShippedPolicies.read().stream().filter(s -> s.file().contains("san-francisco")).findFirst().orElseThrow().input();
        assertThat(sf.jurisdictionGeoid()).isEqualTo("06075");
        assertThat(sf.alsoBinds()).containsExactly("0667000");
    }

    private static String sourceJurisdiction(ShippedPolicies.Shipped s) {
        try (var in = ShippedPoliciesTest.class.getClassLoader().getResourceAsStream("policies/" + s.file() + ".labels.json")) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(in).get("source").get("jurisdiction").asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * An "in force by" date is only for a text whose source gives no full date, rests on a year (or month) the source
     * block states, says so in its note, and is the last day of that year or month; the migration V9 gives installations
     * that stored the shipped policies before it the same values as the manifest.
     */
    @Test
    void inForceByDatesRestOnAYearTheSourceStatesAndTheMigrationAgreesWithTheManifest() throws Exception {
        java.util.Map<String, java.time.LocalDate> manifest = new java.util.HashMap<>();
        for (ShippedPolicies.Shipped s : ShippedPolicies.read()) {
            PolicyInput p = s.input();
            if (p.inForceBy() == null) {
                continue;
            }
            manifest.put(s.seed(), p.inForceBy());
            assertThat(p.from()).as("%s: it has a full date already", s.file()).isNull();
            assertThat(p.inForceByNote()).as(s.file()).isNotBlank().contains("Counted from");
            java.time.LocalDate by = p.inForceBy();
            boolean endOfYear = by.getMonthValue() == 12 && by.getDayOfMonth() == 31;
            boolean endOfMonth = by.getDayOfMonth() == by.lengthOfMonth();
            assertThat(endOfYear || endOfMonth).as("%s: %s is the last day of a year or month", s.file(), by).isTrue();
            String stated = p.enactedNote() + " " + p.statusNote() + " " + p.title();
            assertThat(stated).as("%s: the source states the year %s", s.file(), by.getYear()).contains(String.valueOf(by.getYear()));
        }
        assertThat(manifest).hasSize(6);
        String migration = new String(new org.springframework.core.io.ClassPathResource("db/migration/V9__policy_in_force_by.sql")
                .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher update = java.util.regex.Pattern.compile(
                "in_force_by = DATE '([0-9-]+)', in_force_by_note = '((?:[^']|'')*)'\\s+WHERE seed = '([^']+)'").matcher(migration);
        java.util.Map<String, java.time.LocalDate> migrated = new java.util.HashMap<>();
        while (update.find()) {
            migrated.put(update.group(3), java.time.LocalDate.parse(update.group(1)));
            String seed = update.group(3);
            String note = update.group(2).replace("''", "'");
            assertThat(ShippedPolicies.read().stream().filter(x -> x.seed().equals(seed)).findFirst().orElseThrow().input()
                    .inForceByNote()).as(seed).isEqualTo(note);
        }
        assertThat(migrated).isEqualTo(manifest);
        // and stored so
        for (Policy stored : policies.all()) {
            if (stored.seed() != null && manifest.containsKey(stored.seed())) {
                assertThat(stored.inForceBy()).isEqualTo(manifest.get(stored.seed()));
                assertThat(stored.countedFrom().basis()).isEqualTo(Policy.CountedFrom.IN_FORCE_BY);
            }
        }
    }

    @Test
    void shippedPoliciesAreStoredOnceAtStartUpAndNotAgain() throws Exception {
        long before = policies.all().stream().filter(p -> p.seed() != null).count();
        assertThat(before).isEqualTo(30);
        shipped.run(new DefaultApplicationArguments());
        assertThat(policies.all().stream().filter(p -> p.seed() != null).count()).isEqualTo(30);
        Policy truth = policies.all().stream().filter(p -> "seed:us-ca-truth-act-ab2792-gov-code-7283-7283-1".equals(p.seed()))
                .findFirst().orElseThrow();
        assertThat(truth.label("interview-safeguards").label()).isEqualTo("protects");
        assertThat(truth.label("interview-safeguards").originNote()).isEqualTo("the project's labeled corpus");
        assertThat(truth.effectiveOn()).hasToString("2017-01-01");
        assertThat(truth.status()).isEqualTo(PolicyStatus.UNVERIFIED);
        assertThat(policies.text(truth.id()).orElseThrow()).contains(truth.label("interview-safeguards").quote());
    }
}
