package org.sanctuaryscorecard.protection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionPageSection;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.springframework.stereotype.Component;

/** The "Effective protection" section of every jurisdiction's page: thirteen rows, as of today. */
@Component
class ProtectionSection implements JurisdictionPageSection {

    private final EffectiveProtections protections;
    private final Framework framework;
    private final Clock clock;

    ProtectionSection(EffectiveProtections protections, Framework framework, Clock clock) {
        this.protections = protections;
        this.framework = framework;
        this.clock = clock;
    }

    @Override
    public String template() {
        return "protection/jurisdiction-section";
    }

    @Override
    public Map<String, Object> data(Jurisdiction jurisdiction) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> names = new LinkedHashMap<>();
        framework.provisions().forEach(p -> names.put(p.id(), p.name()));
        return Map.of("jurisdiction", jurisdiction, "asOf", today, "names", names,
                "labels", protections.forJurisdiction(jurisdiction.geoid(), today));
    }

    @Override
    public int order() {
        return -10;
    }
}
