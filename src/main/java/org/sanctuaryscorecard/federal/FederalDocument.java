package org.sanctuaryscorecard.federal;

import java.time.LocalDate;
import java.util.List;

/**
 * A federal document without its text ({@link FederalContext#text}): what it is, when, whether it still applies as far
 * as the sources say, where it came from, and its labels by provision. Title, kind, enactment statement, source and
 * completeness are the labels file's source block, word for word.
 *
 * @param id            the file name in the corpus, such as "us-federal-8-usc-1373-1644-information-sharing"
 * @param citation      a short citation made of words of the title
 * @param kind          statute, executive-order, form or agreement, as the source block says
 * @param binding       whether the corpus records the document as binding (the I-247D form is a request: not binding)
 * @param enactedNote   the enactment as the source states it
 * @param enactedOn     the date of enactment or signature, where the source gives it in full; else null
 * @param endedOn       the date it stopped applying, where the source gives it in full; else null
 * @param statusNote    why the status is what it is, in the sources' words where they have them
 * @param statusQuotes  the words of a source the status rests on, verbatim (may be empty)
 * @param statusQuotesIn the id of the document whose text holds them, or null for this document's own title
 * @param sourceNote    where the text was taken from, as the source block says
 * @param sourceUrl     the first web address in it, or null
 * @param completeness  how complete the stored text is, as the source block says
 * @param county        for an agreement with a county sheriff's office, the county's GEOID; else null
 * @param labels        one label per provision, in the framework's order
 */
public record FederalDocument(String id, String title, String citation, String kind, boolean binding, String enactedNote,
                              LocalDate enactedOn, LocalDate endedOn, FederalStatus status, String statusNote,
                              List<String> statusQuotes, String statusQuotesIn, String sourceNote, String sourceUrl,
                              String completeness, String county, List<FederalLabel> labels) {

    public FederalDocument {
        statusQuotes = List.copyOf(statusQuotes);
        labels = List.copyOf(labels);
    }

    /** The labels that are not silent: the provisions it bears on. */
    public List<FederalLabel> bearsOn() {
        return labels.stream().filter(l -> !l.silent()).toList();
    }

    /** The label on a provision; silent when none is recorded. */
    public FederalLabel label(String provision) {
        return labels.stream().filter(l -> l.provision().equals(provision)).findFirst()
                .orElseGet(() -> new FederalLabel(provision, "silent", null, null));
    }

    /** True for an agreement with one county's sheriff's office (shown only there). */
    public boolean concernsOneCounty() {
        return county != null;
    }

    /** A short name: its citation, or its title. */
    public String name() {
        return citation != null && !citation.isBlank() ? citation : title;
    }
}
