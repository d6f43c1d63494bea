package org.sanctuaryscorecard.jurisdiction.web;

import java.util.List;

import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

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
            throw new ExplainedException(HttpStatus.BAD_REQUEST, "error.geoid.malformed", shorten(geoid));
        }
        return catalog.find(geoid).orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "error.geoid.unknown", geoid));
    }

    List<Jurisdiction> search(String query, int limit) {
        try {
            return catalog.search(query, limit);
        } catch (JurisdictionCatalog.InvalidSearchException e) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments());
        }
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
