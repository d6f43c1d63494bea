package org.sanctuaryscorecard.protection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.policy.Policy;

/**
 * Every state's or county's effective labels at once, for a map: the policies are grouped by the government they bind
 * once, each state is layered once, and a county with no policy of its own shares its state's labels (the same
 * objects), so only the few counties with policies are layered again.
 */
public final class NationalPicture {

    private NationalPicture() {
    }

    /**
     * @param level   "state" or "county"
     * @param explain puts the words on a label (called once per distinct label)
     */
    public static Map<String, List<EffectiveLabel>> compute(Layering layering, JurisdictionCatalog jurisdictions, List<Policy> policies,
                                                            List<String> provisions, String level, LocalDate asOf,
                                                            UnaryOperator<EffectiveLabel> explain) {
        if (!"state".equals(level) && !"county".equals(level)) {
            throw new IllegalArgumentException("level must be state or county, not " + level);
        }
        Map<String, List<Policy>> byGeoid = EffectiveProtections.byGeoid(policies);
        Map<String, List<EffectiveLabel>> states = new HashMap<>();
        for (Jurisdiction s : jurisdictions.all()) {
            if (s.kind() == JurisdictionKind.STATE) {
                Layering.Situation situation = new Layering.Situation(EffectiveProtections.layer("state", s.geoid(), byGeoid),
                        List.of(), null, null);
                states.put(s.geoid(), layering.effective(situation, provisions, asOf).stream().map(explain).toList());
            }
        }
        if ("state".equals(level)) {
            return states;
        }
        Map<String, List<EffectiveLabel>> counties = new LinkedHashMap<>();
        for (Jurisdiction c : jurisdictions.all()) {
            if (c.kind() != JurisdictionKind.COUNTY) {
                continue;
            }
            if (!byGeoid.containsKey(c.geoid())) {
                counties.put(c.geoid(), states.get(c.stateGeoid()));
                continue;
            }
            Layering.Situation situation = new Layering.Situation(EffectiveProtections.layer("state", c.stateGeoid(), byGeoid),
                    List.of(EffectiveProtections.layer("county", c.geoid(), byGeoid)), null, null);
            counties.put(c.geoid(), layering.effective(situation, provisions, asOf).stream().map(explain).toList());
        }
        return counties;
    }
}
