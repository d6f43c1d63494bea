package org.sanctuaryscorecard.federal.web;

import org.sanctuaryscorecard.federal.FederalContext;
import org.sanctuaryscorecard.federal.FederalDocument;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /federal/{id}}: one federal document, its record, labels with quotes, source, completeness and text. Public. */
@Controller
class FederalPageController {

    private final FederalContext federal;
    private final Framework framework;
    private final JurisdictionCatalog jurisdictions;

    FederalPageController(FederalContext federal, Framework framework, JurisdictionCatalog jurisdictions) {
        this.federal = federal;
        this.framework = framework;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/federal/{federalId}")
    String page(@PathVariable String federalId, Model model) {
        FederalDocument document = require(federal, federalId);
        model.addAttribute("document", document);
        model.addAttribute("text", federal.text(federalId).orElseThrow());
        model.addAttribute("names", FederalSection.provisionNames(framework));
        model.addAttribute("county", document.concernsOneCounty() ? jurisdictions.require(document.county()) : null);
        return "federal/page";
    }

    /** The document, or 404 with a message that says where the list is (the id is not repeated back). */
    static FederalDocument require(FederalContext federal, String id) {
        return federal.find(id).orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "federal.error.notFound"));
    }
}
