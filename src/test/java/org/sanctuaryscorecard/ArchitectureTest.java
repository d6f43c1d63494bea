package org.sanctuaryscorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Package by feature, checked: each top-level package is a module whose root holds its public types; a cycle between
 * modules or a reach into another module's subpackages fails the build. Writes the module diagram to
 * target/spring-modulith-docs.
 */
class ArchitectureTest {

    private final ApplicationModules modules = ApplicationModules.of(ScorecardApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        modules.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("cli", "framework", "jurisdiction", "web");
    }

    @Test
    void frameworkAndJurisdictionDependOnNoOtherModule() {
        for (String independent : new String[] {"framework", "jurisdiction"}) {
            ApplicationModule module = modules.getModuleByName(independent).orElseThrow();
            assertThat(module.getDirectDependencies(modules).uniqueModules())
                    .as("modules %s depends on", independent).isEmpty();
        }
    }

    @Test
    void writeModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
