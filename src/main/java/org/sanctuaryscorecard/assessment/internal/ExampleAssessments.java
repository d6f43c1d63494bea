package org.sanctuaryscorecard.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.sanctuaryscorecard.assessment.AssessmentDocument;
import org.sanctuaryscorecard.assessment.AssessmentInputException;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Assessments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the example assessments shipped under {@code examples/} once each: an example already imported (by file
 * name) is left alone, so a restart does not duplicate it and a person's later edits to it are kept. They belong to
 * the built-in examples organization and are published, so that anyone can see what a scorecard looks like; each
 * carries its note saying it was built from quoted documents and not reviewed.
 */
@Component
public class ExampleAssessments implements ApplicationRunner {

    /** Where the examples are. */
    public static final String LOCATION = "classpath*:examples/*.assessment.json";
    /** The editor named in an example's first revision. */
    public static final String EDITOR = "Sanctuary Scorecard (example data)";

    private static final Logger log = LoggerFactory.getLogger(ExampleAssessments.class);

    private final Assessments assessments;
    private final Accounts accounts;
    private final JsonMapper json;

    ExampleAssessments(Assessments assessments, Accounts accounts, JsonMapper json) {
        this.assessments = assessments;
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int imported = 0;
        long owner = accounts.organization(Organization.EXAMPLES).orElseThrow(() ->
                new IllegalStateException("the examples organization is missing; it is made by the V4 migration")).id();
        for (Resource resource : examples()) {
            String source = source(resource);
            if (assessments.imported(source)) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                AssessmentDocument document = json.readValue(in, AssessmentDocument.class);
                assessments.importDocument(document.withStatus(AssessmentStatus.PUBLISHED.id()), owner, EDITOR, source);
                imported++;
            } catch (AssessmentInputException e) {
                log.warn("Example {} was not imported: {} {}", resource.getFilename(), e.messageKey(), Arrays.toString(e.arguments()));
            } catch (DataIntegrityViolationException e) {
                log.info("Example {} was imported by another instance at the same time", resource.getFilename());
            }
        }
        if (imported > 0) {
            log.info("Imported {} example assessments", imported);
        }
    }

    /** The example files, by name. */
    public static List<Resource> examples() throws IOException {
        List<Resource> resources = new ArrayList<>(Arrays.asList(new PathMatchingResourcePatternResolver().getResources(LOCATION)));
        resources.sort(Comparator.comparing(Resource::getFilename));
        return resources;
    }

    /** The mark an example's assessment carries: "example:" and the file name. */
    public static String source(Resource resource) {
        return "example:" + resource.getFilename();
    }
}
