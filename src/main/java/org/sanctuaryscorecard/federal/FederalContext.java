package org.sanctuaryscorecard.federal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sanctuaryscorecard.federal.internal.FederalFiles;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.springframework.stereotype.Service;

/**
 * The federal documents shown as context, read once at start-up from {@code federal/federal.yaml} and checked there: a
 * known label on each of the thirteen provisions, every quote verbatim in its text, every status quote verbatim where
 * the manifest says it is, an agreement's county a real county. Any failure stops the start with a message naming the
 * file. Nothing here is stored in the database, and nothing here changes an effective protection.
 */
@Service
public class FederalContext {

    /** The labels a document may carry. */
    public static final Set<String> LABELS = Set.of("protects", "limited", "contrary", "silent");

    private final Map<String, FederalDocument> documents = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    public FederalContext(Framework framework, JurisdictionCatalog jurisdictions) {
        List<String> provisions = framework.provisions().stream().map(Framework.Provision::id).toList();
        for (FederalFiles.Read read : FederalFiles.read(provisions)) {
            documents.put(read.document().id(), read.document());
            texts.put(read.document().id(), read.text());
        }
        documents.values().forEach(d -> check(d, jurisdictions));
    }

    /** Every document, in the manifest's order (statutes, form, executive orders, agreements). */
    public List<FederalDocument> all() {
        return List.copyOf(documents.values());
    }

    public Optional<FederalDocument> find(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** The stored text of a document. */
    public Optional<String> text(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    /**
     * The documents to show on a jurisdiction's page: every document that concerns no one county, and an agreement
     * with a county's sheriff's office on that county's page and on the pages of the places that lie in it.
     */
    public List<FederalDocument> forJurisdiction(Jurisdiction jurisdiction) {
        return documents.values().stream()
                .filter(d -> !d.concernsOneCounty() || d.county().equals(jurisdiction.geoid())
                        || jurisdiction.countyGeoids().contains(d.county()))
                .toList();
    }

    private void check(FederalDocument d, JurisdictionCatalog jurisdictions) {
        String where = FederalFiles.MANIFEST + ", " + d.id() + ": ";
        String text = texts.get(d.id());
        for (FederalLabel l : d.labels()) {
            if (!LABELS.contains(l.label())) {
                throw new IllegalStateException(where + "unknown label " + l.label() + " on " + l.provision());
            }
            if (!l.silent() && (l.quote() == null || !text.contains(l.quote()))) {
                throw new IllegalStateException(where + "the quote on " + l.provision() + " is not verbatim in the text");
            }
        }
        String quotedText = d.statusQuotesIn() == null ? d.title() : texts.get(d.statusQuotesIn());
        if (quotedText == null) {
            throw new IllegalStateException(where + "status-quotes-in names no document: " + d.statusQuotesIn());
        }
        for (String quote : d.statusQuotes()) {
            if (!quotedText.contains(quote)) {
                throw new IllegalStateException(where + "the status quote is not verbatim in its source: " + quote);
            }
        }
        if (d.title() == null || d.title().isBlank() || d.citation() == null || d.citation().isBlank()) {
            throw new IllegalStateException(where + "a title and a citation are required");
        }
        if (d.concernsOneCounty() && jurisdictions.find(d.county()).map(Jurisdiction::kind)
                .filter(JurisdictionKind.COUNTY::equals).isEmpty()) {
            throw new IllegalStateException(where + "county " + d.county() + " is not a county in the jurisdiction data");
        }
    }
}
