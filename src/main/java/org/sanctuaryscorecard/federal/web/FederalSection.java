package org.sanctuaryscorecard.federal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sanctuaryscorecard.federal.FederalContext;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionPageSection;
import org.springframework.stereotype.Component;

/** The "Federal law (context)" section of every jurisdiction's page, just after its effective protection. */
@Component
class FederalSection implements JurisdictionPageSection {

    private final FederalContext federal;
    private final Framework framework;

    FederalSection(FederalContext federal, Framework framework) {
        this.federal = federal;
        this.framework = framework;
    }

    @Override
    public String template() {
        return "federal/jurisdiction-section";
    }

    @Override
    public Map<String, Object> data(Jurisdiction jurisdiction) {
        return Map.of("jurisdiction", jurisdiction, "documents", federal.forJurisdiction(jurisdiction),
                "names", provisionNames(framework));
    }

    @Override
    public int order() {
        return -9;
    }

    static Map<String, String> provisionNames(Framework framework) {
        Map<String, String> names = new LinkedHashMap<>();
        framework.provisions().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }
}
