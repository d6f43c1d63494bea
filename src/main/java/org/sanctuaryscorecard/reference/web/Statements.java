package org.sanctuaryscorecard.reference.web;

import java.util.Locale;

import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.reference.ReferenceFact;
import org.sanctuaryscorecard.reference.ReferenceKind;
import org.sanctuaryscorecard.reference.ReferenceList;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A fact as a dated, sourced statement that says what the list says and no more ("ICE listed a Task Force Model 287(g)
 * agreement signed 2025-07-02 with the Colbert County Sheriff's Office (ICE list of 2025-07-18)"), in the words of
 * {@code messages.properties}.
 */
@Component
class Statements {

    private final MessageSource messages;
    private final JurisdictionCatalog catalog;

    Statements(MessageSource messages, JurisdictionCatalog catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    /** A fact, shown: its statement, and for a fact about a place's county, the county's name. */
    record FactView(String statement, String county, ReferenceFact fact) {
    }

    String of(ReferenceFact fact) {
        ReferenceKind kind = fact.list().kind();
        String listDate = fact.list().listDate().toString();
        String model = fact.model() == null ? "" : fact.model();
        String key = "reference.statement." + kind.id();
        if (kind == ReferenceKind.ICE_287G && fact.signed() == null) {
            key += fact.column("signed").isBlank() ? ".unsigned" : ".notADate";
        }
        Object[] arguments = {model, fact.signed() == null ? "" : fact.signed().toString(), fact.agency(), listDate,
                fact.column("city"), used(fact.column("date_of_first_use")), used(fact.column("date_of_last_use")),
                fact.column("state_abbr").isEmpty() ? fact.column("state_usps") : fact.column("state_abbr"), fact.column("signed")};
        return text(key, arguments);
    }

    FactView view(ReferenceFact fact, boolean inCounty) {
        String statement = of(fact);
        if (!inCounty) {
            return new FactView(statement, null, fact);
        }
        String county = catalog.find(fact.geoid()).map(j -> j.name()).orElse(fact.geoid());
        return new FactView(text("reference.inCounty", county, statement), county, fact);
    }

    /** A list's name with its date ("ICE 287(g) participating agencies, list of 2025-07-18"). */
    String listName(ReferenceList list) {
        return text("reference.list.name", text("reference.kind." + list.kind().id()), list.listDate().toString());
    }

    String text(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }

    private String used(String value) {
        return value.isBlank() || value.equals("NA") ? text("reference.detention.notRecorded") : value;
    }
}
