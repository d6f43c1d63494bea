package org.sanctuaryscorecard.jurisdiction.web;

import java.util.List;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Lookups shared by the pages and the API, turning bad input into 400 and unknown ids into 404 with clear words. */
@Component
class JurisdictionLookup {

    private final JurisdictionCatalog catalog;

    JurisdictionLookup(JurisdictionCatalog catalog) {
        this.catalog = catalog;
    }

    JurisdictionCatalog catalog() {
        return catalog;
    }

    Jurisdiction require(String geoid) {
        if (!Jurisdiction.isWellFormedGeoid(geoid)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + shorten(geoid) + "' is not a GEOID. A GEOID is"
                    + " 2 digits for a state (06), 5 for a county (06085) or 7 for a place (0668000).");
        }
        return catalog.find(geoid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No jurisdiction has the GEOID " + geoid + ". Search by name instead, for example /api/jurisdictions?q=santa%20clara."));
    }

    List<Jurisdiction> search(String query, int limit) {
        try {
            return catalog.search(query, limit);
        } catch (JurisdictionCatalog.InvalidSearchException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
