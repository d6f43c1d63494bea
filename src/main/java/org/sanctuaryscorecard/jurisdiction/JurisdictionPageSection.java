package org.sanctuaryscorecard.jurisdiction;

import java.util.Map;

/**
 * A section that another module adds to every jurisdiction's page (assessments, later policies and facts), so that
 * the jurisdiction module does not depend on them. The template must define {@code th:fragment="section(data)"}.
 */
public interface JurisdictionPageSection {

    /** The template that holds the fragment, such as "assessment/jurisdiction-section". */
    String template();

    /** The fragment's data for one jurisdiction. */
    Map<String, Object> data(Jurisdiction jurisdiction);

    /** Sections appear in ascending order. */
    default int order() {
        return 0;
    }
}
