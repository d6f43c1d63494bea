package org.sanctuaryscorecard.policy;

import java.time.Instant;

/**
 * A policy's label on one provision.
 *
 * @param provision   the provision's id (spec/provisions.md), such as "detainer-hold"
 * @param label       protects, limited, contrary or silent
 * @param quote       the words of the text the label rests on, verbatim; null for silent
 * @param origin      who said so: "corpus" (the project's hand-labeled corpus), "analyzer" (proposed by the analyzer,
 *                    not yet confirmed) or "person"
 * @param originNote  in words, such as "the project's labeled corpus"
 * @param confirmedBy the person who confirmed or corrected it, or null
 * @param confirmedAt when, or null
 */
public record PolicyLabel(String provision, String label, String quote, String origin, String originNote,
                          String confirmedBy, Instant confirmedAt) {

    public static final String CORPUS = "corpus";
    public static final String ANALYZER = "analyzer";
    public static final String PERSON = "person";

    public boolean silent() {
        return "silent".equals(label);
    }
}
