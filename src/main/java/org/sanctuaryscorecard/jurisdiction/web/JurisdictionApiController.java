package org.sanctuaryscorecard.jurisdiction.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/jurisdictions}: search and look up jurisdictions as JSON. */
@RestController
class JurisdictionApiController {

    private final JurisdictionLookup lookup;

    JurisdictionApiController(JurisdictionLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping({"/api/jurisdictions", "/api/v1/jurisdictions"})
    List<JurisdictionSummary> search(@RequestParam(name = "q", required = false) String query,
                                     @RequestParam(name = "limit", defaultValue = "10") int limit) {
        return lookup.search(query, limit).stream()
                .map(j -> JurisdictionSummary.of(j, lookup.catalog()))
                .toList();
    }

    @GetMapping({"/api/jurisdictions/{geoid}", "/api/v1/jurisdictions/{geoid}"})
    JurisdictionDetail one(@PathVariable String geoid) {
        return JurisdictionDetail.of(lookup.require(geoid), lookup.catalog());
    }
}
