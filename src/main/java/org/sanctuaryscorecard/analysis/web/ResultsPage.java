package org.sanctuaryscorecard.analysis.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.Label;
import org.sanctuaryscorecard.framework.Framework;

/**
 * What the results page shows about one analysis: the binding status, the side panel (the provisions in the
 * framework's order with label, quote, place and rule), the flags, the repairs, and the text with every passage and
 * flag marked. Links go from the side panel and the flags to the marks by id.
 */
record ResultsPage(AnalyzedDocument document, List<ProvisionRow> provisions, List<FlagRow> flags, List<LabelCount> counts,
                   String textHtml) {

    /** The most flags listed by the side of the text; all of them are marked in the text and in the JSON. */
    static final int FLAGS_LISTED = 200;

    /** The flag kind whose "quote" is the reason the document is not binding. */
    private static final String NOT_BINDING = "non-binding";

    /** One provision in the side panel. {@code anchor} is the id of its evidence in the text, or null when silent. */
    record ProvisionRow(String id, String name, Label label, String labelName, String quote, String citation,
                        String rule, boolean inferred, List<String> notes, String anchor) {

        public boolean silent() {
            return label == Label.SILENT;
        }
    }

    /**
     * One flag: what it is, the provision it concerns (or ""), its words (or, for a document that is not binding, the
     * reason, which is not a quote), and its id in the text (or null).
     */
    record FlagRow(String kind, String text, String provision, String quote, boolean quoted, String anchor) {
    }

    /** How many provisions got a label. */
    record LabelCount(Label label, String name, int count) {
    }

    public boolean binding() {
        return document.analysis().binding();
    }

    /** The flags listed on the page: the first {@link #FLAGS_LISTED}. */
    public List<FlagRow> listedFlags() {
        return flags.size() <= FLAGS_LISTED ? flags : flags.subList(0, FLAGS_LISTED);
    }

    public int unlistedFlags() {
        return Math.max(0, flags.size() - FLAGS_LISTED);
    }

    static ResultsPage of(AnalyzedDocument document, Framework framework, ReadingWords words) {
        Analysis analysis = document.analysis();
        List<Highlighter.Span> spans = new ArrayList<>();
        Map<String, String> anchors = new HashMap<>();
        List<Analysis.Passage> passages = analysis.passages();
        for (int i = 0; i < passages.size(); i++) {
            Analysis.Passage p = passages.get(i);
            String id = "passage-" + (i + 1);
            spans.add(new Highlighter.Span(p.start(), p.end(), "hl label-" + p.label().id(), id,
                    words.message("analysis.mark.passage", words.provision(p.provision()), words.label(p.label()))));
            anchors.putIfAbsent(p.provision() + "@" + p.start() + "-" + p.end(), id);
            anchors.putIfAbsent("@" + p.start() + "-" + p.end(), id);
        }

        List<ProvisionRow> rows = new ArrayList<>();
        Map<Label, Integer> counts = new EnumMap<>(Label.class);
        for (Framework.Provision provision : framework.provisions()) {
            Analysis.ProvisionResult result = analysis.provisions().get(provision.id());
            Label label = result == null ? Label.SILENT : result.label();
            counts.merge(label, 1, Integer::sum);
            Analysis.Passage evidence = result == null ? null : result.evidence();
            if (evidence == null) {
                rows.add(new ProvisionRow(provision.id(), provision.name(), label, words.label(label), null, null, null,
                        false, List.of(), null));
                continue;
            }
            String anchor = anchors.get(evidence.provision() + "@" + evidence.start() + "-" + evidence.end());
            if (anchor == null) {
                anchor = anchors.get("@" + evidence.start() + "-" + evidence.end());
            }
            if (anchor == null) {
                anchor = "evidence-" + provision.id();
                spans.add(new Highlighter.Span(evidence.start(), evidence.end(), "hl label-" + label.id(), anchor,
                        words.message("analysis.mark.passage", provision.name(), words.label(label))));
            }
            rows.add(new ProvisionRow(provision.id(), provision.name(), label, words.label(label), evidence.quote(),
                    Suggestions.citation(evidence, words), words.rule(evidence), result.inferred(),
                    evidence.notes().stream().map(words::note).toList(), anchor));
        }

        List<FlagRow> flags = new ArrayList<>();
        List<Analysis.Flag> found = analysis.flags();
        for (int i = 0; i < found.size(); i++) {
            Analysis.Flag flag = found.get(i);
            String text = words.flag(flag.kind());
            String anchor = null;
            if (flag.start() >= 0 && flag.end() > flag.start()) {
                anchor = "flag-" + (i + 1);
                spans.add(new Highlighter.Span(flag.start(), flag.end(), "hl hl-flag", anchor,
                        words.message("analysis.mark.flag", text)));
            }
            flags.add(new FlagRow(flag.kind(), text, words.provision(flag.provision()), flag.quote(),
                    !NOT_BINDING.equals(flag.kind()) && !flag.quote().isBlank(), anchor));
        }

        List<LabelCount> labelCounts = new ArrayList<>();
        for (Label label : Label.values()) {
            labelCounts.add(new LabelCount(label, words.label(label), counts.getOrDefault(label, 0)));
        }
        String html = Highlighter.html(document.text().text(), spans);
        return new ResultsPage(document, List.copyOf(rows), List.copyOf(flags), List.copyOf(labelCounts), html);
    }
}
