package org.sanctuaryscorecard.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The corrections module sits on top: it uses the assessments, accounts and audit trail (and the framework, the
 * jurisdictions and the shared web layer for its pages), and no module uses it. The scorecard and editor pages reach
 * it only through its templates and addresses, so that corrections can be left out without touching them.
 */
class CorrectionArchitectureTest {

    private final ApplicationModules modules = ApplicationModules.of(ScorecardApplication.class);

    @Test
    void correctionsUseOnlyTheModulesTheyNeedAndNoModuleUsesThem() {
        ApplicationModule corrections = modules.getModuleByName("correction").orElseThrow();
        assertThat(corrections.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .as("modules the corrections depend on")
                .allMatch(Set.of("web", "framework", "jurisdiction", "assessment", "account", "audit")::contains);
        modules.stream().filter(m -> !m.equals(corrections)).forEach(m ->
                assertThat(m.getDirectDependencies(modules).uniqueModules().map(d -> d.getIdentifier().toString()))
                        .as("modules %s depends on", m.getIdentifier()).doesNotContain("correction"));
    }
}
