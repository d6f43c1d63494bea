package org.sanctuaryscorecard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
                .contains("analysis", "cli", "framework", "jurisdiction", "web");
    }

    @Test
    void frameworkAndJurisdictionDependOnNoFeatureModule() {
        for (String independent : new String[] {"framework", "jurisdiction"}) {
            ApplicationModule module = modules.getModuleByName(independent).orElseThrow();
            assertThat(module.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                    .as("modules %s depends on (only the shared web layer, for its pages)", independent)
                    .allMatch("web"::equals);
        }
    }

    @Test
    void theDomainCoresKnowNothingOfTheWeb() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sanctuaryscorecard");
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("org.sanctuaryscorecard.framework", "org.sanctuaryscorecard.framework.internal",
                        "org.sanctuaryscorecard.jurisdiction", "org.sanctuaryscorecard.jurisdiction.internal")
                .should().dependOnClassesThat().resideInAnyPackage("org.sanctuaryscorecard.web..",
                        "org.springframework.web..", "org.springframework.ui..", "jakarta.servlet..")
                .because("the framework and the jurisdictions are used by the command line and tests without a web server");
        rule.check(classes);
    }

    /**
     * The analyzer's core (its root package and {@code internal}) is pure Java: no other module, no web, no database.
     * Its web pages and API ({@code analysis.web}) sit on top of it and may use the web, framework, assessment,
     * account (who may apply findings) and audit (who applied them) modules' public types.
     */
    @Test
    void theAnalyzerCoreDependsOnNoOtherModuleAndNeitherOnTheWebNorOnTheDatabase() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sanctuaryscorecard");
        String[] core = {"org.sanctuaryscorecard.analysis", "org.sanctuaryscorecard.analysis.internal.."};
        noClasses().that().resideInAnyPackage(core)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.ui..", "jakarta.servlet..", "org.springframework.jdbc..",
                        "org.springframework.transaction..", "java.sql..", "javax.sql..", "org.flywaydb..")
                .because("reading documents is pure: the web layer and the storage call it, not the other way round")
                .check(classes);
        noClasses().that().resideInAnyPackage(core)
                .should().dependOnClassesThat(resideInAPackage("org.sanctuaryscorecard..")
                        .and(not(resideInAnyPackage(core))))
                .because("the analyzer's core uses no other module, and does not know its own web pages")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.sanctuaryscorecard.analysis..")
                .should().dependOnClassesThat().resideInAPackage("org.sanctuaryscorecard.analysis.internal..")
                .because("other modules use only the analyzer's public types")
                .check(classes);
    }

    @Test
    void theAnalyzersWebPartUsesOnlyTheModulesItIsAllowed() {
        ApplicationModule analysis = modules.getModuleByName("analysis").orElseThrow();
        assertThat(analysis.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .as("modules the analyzer (with its web pages) depends on")
                .allMatch(java.util.Set.of("web", "framework", "assessment", "account", "audit")::contains);
    }

    @Test
    void writeModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
