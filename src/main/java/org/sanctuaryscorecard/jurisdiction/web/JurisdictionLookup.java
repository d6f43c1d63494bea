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
        return catalog.require(geoid);
    }

    List<Jurisdiction> search(String query, int limit) {
        try {
            return catalog.search(query, limit);
        } catch (JurisdictionCatalog.InvalidSearchException e) {
            throw new ExplainedException(HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments());
        }
    }
}
