package org.sanctuaryscorecard.federal;

/**
 * A federal document's label on one provision, from the project's labeled corpus.
 *
 * @param provision the provision's id (spec/provisions.md), such as "info-sharing"
 * @param label     protects, limited, contrary or silent
 * @param quote     the words of the text the label rests on, verbatim; null for silent
 * @param note      the coders' note, or null
 */
public record FederalLabel(String provision, String label, String quote, String note) {

    public boolean silent() {
        return "silent".equals(label);
    }
}
