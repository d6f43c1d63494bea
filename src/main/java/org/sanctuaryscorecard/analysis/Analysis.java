package org.sanctuaryscorecard.analysis;

import java.util.List;
import java.util.Map;

/**
 * What the analyzer found in one document: a label for each of the thirteen provisions with the passage it relied on,
 * every passage it read as addressing a provision, and flags on loopholes and contrary mandates. All offsets index
 * into {@link DocumentText#text()}; every quote is a verbatim stretch of it.
 *
 * @param document      the document's name
 * @param format        what it was read as (pdf, docx, html, text)
 * @param characters    the length of its text
 * @param binding       whether the document has force (an enacted law, a policy) rather than being a bill, a draft,
 *                      a form or a description
 * @param bindingReason why it was judged not binding, in the vocabulary's words, or "" when binding
 * @param provisions    one result per provision id, in the framework's order
 * @param passages      every passage read as addressing a provision, in document order
 * @param flags         loopholes and contrary mandates a reader should look at
 * @param repairs       what was changed on the way from the file to the text
 */
public record Analysis(String document, String format, int characters, boolean binding, String bindingReason,
                       Map<String, ProvisionResult> provisions, List<Passage> passages, List<Flag> flags, List<String> repairs) {

    public Analysis {
        provisions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provisions));
        passages = List.copyOf(passages);
        flags = List.copyOf(flags);
        repairs = List.copyOf(repairs);
    }

    /**
     * The label of one provision and why.
     *
     * @param provision the provision id
     * @param label     the label
     * @param evidence  the passage that decided it (null when silent)
     * @param inferred  true when the label is inferred from the other provisions rather than read from one passage
     *                  (conviction carve-outs)
     */
    public record ProvisionResult(String provision, Label label, Passage evidence, boolean inferred) {
    }

    /**
     * A passage read as addressing a provision.
     *
     * @param provision the provision id
     * @param label     what this passage alone means for the provision
     * @param reading   the rule that produced the label: one of {@code protects}, {@code limited-criminal},
     *                  {@code limited-consent}, {@code limited-discretion}, {@code contrary}, {@code contrary-direct},
     *                  {@code permission}, {@code derived}
     * @param quote     the passage, verbatim
     * @param start     where it starts in the text
     * @param end       where it ends
     * @param page      the page it starts on (PDF), or 0
     * @param section   where it is in the document's own numbering ("§ 7283.1 (a)"), or ""
     * @param force     the words of force that governed it ("shall not", "may"), or ""
     * @param exception the exception that changed the label, or ""
     * @param notes     notes for the reader: {@code criminal-exception}, {@code administrative-warrant},
     *                  {@code required-by-law}, {@code discretionary}, {@code consent-exception}
     * @param exceptionStart where the exception's words start in the text, or -1
     * @param exceptionEnd   where they end, or -1
     */
    public record Passage(String provision, Label label, String reading, String quote, int start, int end, int page, String section,
                          String force, String exception, List<String> notes, int exceptionStart, int exceptionEnd) {

        public Passage {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Something in the document a reader should look at.
     *
     * @param kind      {@code criminal-carve-out}, {@code administrative-warrant}, {@code required-by-law},
     *                  {@code discretionary}, {@code non-binding}, {@code contrary-mandate}
     * @param provision the provision it concerns, or "" for the whole document
     * @param quote     the words, verbatim (or the reason, for non-binding)
     * @param start     where they start in the text, or -1
     * @param end       where they end, or -1
     */
    public record Flag(String kind, String provision, String quote, int start, int end) {
    }
}
