package org.sanctuaryscorecard.federal.web;

import java.util.List;

import org.sanctuaryscorecard.federal.FederalContext;
import org.sanctuaryscorecard.federal.FederalDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/federal}: the federal documents shown as context, read only (also under {@code /api/v1}). */
@RestController
class FederalApiController {

    private final FederalContext federal;

    FederalApiController(FederalContext federal) {
        this.federal = federal;
    }

    /** One document and its stored text. */
    record WithText(FederalDocument document, String text) {
    }

    /** Every document, without texts. */
    @GetMapping({"/api/federal", "/api/v1/federal"})
    List<FederalDocument> all() {
        return federal.all();
    }

    @GetMapping({"/api/federal/{federalId}", "/api/v1/federal/{federalId}"})
    WithText one(@PathVariable String federalId) {
        FederalDocument document = FederalPageController.require(federal, federalId);
        return new WithText(document, federal.text(federalId).orElseThrow());
    }
}
