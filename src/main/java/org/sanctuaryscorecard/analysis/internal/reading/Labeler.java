package org.sanctuaryscorecard.analysis.internal.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.analysis.DocumentText;
import org.sanctuaryscorecard.analysis.Label;
import org.sanctuaryscorecard.analysis.internal.reading.Reader.Finding;
import org.sanctuaryscorecard.analysis.internal.reading.Reader.Reading;

/**
 * Turns the readings of a document into one label per provision (the rules of {@code spec/provisions.md}): a
 * protection with a criminal-history exception anywhere makes the provision limited; a penalty for limiting
 * cooperation is contrary whatever else the text says; a bare permission counts as contrary only in a document that
 * protects nothing; conviction carve-outs follow from the other provisions.
 */
public final class Labeler {

    public static final String CONVICTION_CARVEOUTS = "conviction-carveouts";
    private static final String LOCAL_RESOURCES = "local-resources";
    private static final String OVERSIGHT = "oversight-enforcement";
    private static final int BINDING_WINDOW = 1500;

    private final Vocabulary vocabulary;
    private final Reader reader;

    public Labeler(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.reader = new Reader(vocabulary);
    }

    /** The analysis of a document. */
    public Analysis analyze(DocumentText document) {
        String text = document.text();
        Reader.Result result = reader.read(text);
        List<Finding> findings = limitSections(result);
        findings = dropGeneralContraryBesideSpecific(findings);
        boolean protectsSomething = findings.stream().anyMatch(f -> isProtective(f.reading()) && !f.provision().equals(OVERSIGHT));
        if (protectsSomething) {
            findings = criminalPermissionsAsCarveOuts(findings);
        } else {
            // a report or a remedy protects the policy only where there is a policy to protect
            findings = findings.stream().filter(f -> !(f.provision().equals(OVERSIGHT) && isProtective(f.reading()))).toList();
        }

        Map<String, List<Finding>> byProvision = new LinkedHashMap<>();
        for (String id : provisionIds(vocabulary)) {
            byProvision.put(id, new ArrayList<>());
        }
        for (Finding f : findings) {
            byProvision.computeIfAbsent(f.provision(), k -> new ArrayList<>()).add(f);
        }

        Map<String, Analysis.ProvisionResult> results = new LinkedHashMap<>();
        List<Analysis.Passage> passages = new ArrayList<>();
        Finding firstCriminal = null;
        Finding firstProtects = null;
        for (Map.Entry<String, List<Finding>> entry : byProvision.entrySet()) {
            String id = entry.getKey();
            if (id.equals(CONVICTION_CARVEOUTS)) {
                continue;
            }
            List<Finding> mine = entry.getValue();
            mine.sort(Comparator.comparingInt(Finding::start));
            Finding decisive = decisive(mine, protectsSomething);
            Label label = decisive == null ? Label.SILENT : labelOf(decisive.reading(), protectsSomething);
            results.put(id, new Analysis.ProvisionResult(id, label, decisive == null ? null : passage(document, decisive, label), false));
            for (Finding f : mine) {
                Label passageLabel = labelOf(f.reading(), protectsSomething);
                if (passageLabel != Label.SILENT) {
                    passages.add(passage(document, f, passageLabel));
                }
            }
            if (decisive != null && decisive.reading() == Reading.LIMITED_CRIMINAL && (firstCriminal == null || decisive.start() < firstCriminal.start())) {
                firstCriminal = decisive;
            }
            if (label == Label.PROTECTS && (firstProtects == null || decisive.start() < firstProtects.start())) {
                firstProtects = decisive;
            }
        }
        Analysis.ProvisionResult carveouts;
        if (firstCriminal != null) {
            carveouts = new Analysis.ProvisionResult(CONVICTION_CARVEOUTS, Label.LIMITED,
                    derived(document, firstCriminal, Label.LIMITED), true);
        } else if (firstProtects != null) {
            carveouts = new Analysis.ProvisionResult(CONVICTION_CARVEOUTS, Label.PROTECTS,
                    derived(document, firstProtects, Label.PROTECTS), true);
        } else {
            carveouts = new Analysis.ProvisionResult(CONVICTION_CARVEOUTS, Label.SILENT, null, true);
        }
        Map<String, Analysis.ProvisionResult> ordered = new LinkedHashMap<>();
        for (String id : byProvision.keySet()) {
            ordered.put(id, id.equals(CONVICTION_CARVEOUTS) ? carveouts : results.get(id));
        }
        passages.sort(Comparator.comparingInt(Analysis.Passage::start).thenComparing(Analysis.Passage::provision));
        passages = dedupe(passages);

        String[] binding = binding(text);
        List<Analysis.Flag> flags = flags(binding, ordered, passages);
        return new Analysis(document.name(), document.format(), text.length(), binding == null, binding == null ? "" : binding[0],
                ordered, passages, flags, document.repairs());
    }

    /** The provision ids in the order of spec/provisions.md: the vocabulary's, with conviction carve-outs after interviews. */
    public static List<String> provisionIds(Vocabulary vocabulary) {
        List<String> ids = new ArrayList<>(vocabulary.provisions().keySet());
        if (!ids.contains(CONVICTION_CARVEOUTS)) {
            int at = ids.indexOf("interview-safeguards");
            ids.add(at < 0 ? ids.size() : at + 1, CONVICTION_CARVEOUTS);
        }
        return List.copyOf(ids);
    }

    /** Sections whose protections a "does not apply to anyone convicted of ..." sentence narrows. */
    private static List<Finding> limitSections(Reader.Result result) {
        Set<Integer> limited = new HashSet<>();
        for (Reader.SectionLimit limit : result.sectionLimits()) {
            limited.add(limit.section());
        }
        if (limited.isEmpty()) {
            return new ArrayList<>(result.findings());
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (limited.contains(f.section()) && (f.reading() == Reading.PROTECTS || f.reading() == Reading.LIMITED_DISCRETION)) {
                Set<Reader.Note> notes = new HashSet<>(f.notes());
                notes.add(Reader.Note.CRIMINAL_EXCEPTION);
                Reader.SectionLimit limit = result.sectionLimits().stream().filter(l -> l.section() == f.section()).findFirst().orElseThrow();
                out.add(new Finding(f.provision(), Reading.LIMITED_CRIMINAL, f.start(), f.end(), f.section(), f.path(), f.force(),
                        limit.start(), limit.end(), Set.copyOf(notes), f.mentionStart(), f.mentionEnd()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** A general mandate to cooperate is not also a local-resources mandate when its sentence names a practice. */
    private static List<Finding> dropGeneralContraryBesideSpecific(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.provision().equals(LOCAL_RESOURCES) && f.reading() == Reading.CONTRARY) {
                // a mandate that names a specific practice is labeled on that practice alone
                boolean specific = findings.stream().anyMatch(o -> !o.provision().equals(LOCAL_RESOURCES)
                        && o.start() < f.end() && o.end() > f.start()
                        && (o.reading() == Reading.CONTRARY || o.reading() == Reading.PERMISSION));
                if (specific) {
                    continue;
                }
            }
            out.add(f);
        }
        return out;
    }

    private static Finding decisive(List<Finding> findings, boolean protectsSomething) {
        for (Reading wanted : List.of(Reading.CONTRARY_DIRECT, Reading.LIMITED_CRIMINAL, Reading.LIMITED_CONSENT, Reading.PROTECTS,
                Reading.LIMITED_DISCRETION, Reading.CONTRARY)) {
            for (Finding f : findings) {
                if (f.reading() == wanted) {
                    return f;
                }
            }
        }
        if (!protectsSomething) {
            for (Finding f : findings) {
                if (f.reading() == Reading.PERMISSION) {
                    return f;
                }
            }
        }
        return null;
    }

    private static List<Finding> criminalPermissionsAsCarveOuts(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.reading() == Reading.PERMISSION && f.notes().contains(Reader.Note.CRIMINAL_EXCEPTION)) {
                out.add(new Finding(f.provision(), Reading.LIMITED_CRIMINAL, f.start(), f.end(), f.section(), f.path(), f.force(),
                        f.exceptionStart(), f.exceptionEnd(), f.notes(), f.mentionStart(), f.mentionEnd()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean isProtective(Reading reading) {
        return reading == Reading.PROTECTS || reading == Reading.LIMITED_CRIMINAL || reading == Reading.LIMITED_CONSENT
                || reading == Reading.LIMITED_DISCRETION;
    }

    private static Label labelOf(Reading reading, boolean protectsSomething) {
        return switch (reading) {
            case PROTECTS -> Label.PROTECTS;
            case LIMITED_CRIMINAL, LIMITED_CONSENT, LIMITED_DISCRETION -> Label.LIMITED;
            case CONTRARY, CONTRARY_DIRECT -> Label.CONTRARY;
            case PERMISSION -> protectsSomething ? Label.SILENT : Label.CONTRARY;
        };
    }

    private static Analysis.Passage passage(DocumentText document, Finding f, Label label) {
        String text = document.text();
        int exceptionStart = f.exceptionStart();
        int exceptionEnd = f.exceptionEnd();
        if (exceptionStart >= 0) {
            while (exceptionStart < exceptionEnd && Character.isWhitespace(text.charAt(exceptionStart))) {
                exceptionStart++;
            }
            while (exceptionEnd > exceptionStart && Character.isWhitespace(text.charAt(exceptionEnd - 1))) {
                exceptionEnd--;
            }
        }
        String exception = exceptionStart < 0 ? "" : text.substring(exceptionStart, exceptionEnd);
        List<String> notes = new ArrayList<>();
        for (Reader.Note note : Reader.Note.values()) {
            if (f.notes().contains(note)) {
                notes.add(note.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return new Analysis.Passage(f.provision(), label, f.reading().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                document.text().substring(f.start(), f.end()), f.start(), f.end(), document.pageAt(f.start()), f.path(), f.force(),
                exception, notes, exceptionStart, exceptionStart < 0 ? -1 : exceptionEnd);
    }

    /** Conviction carve-outs: the criminal-history exception itself where there is one, else the protection. */
    private static Analysis.Passage derived(DocumentText document, Finding f, Label label) {
        Analysis.Passage source = passage(document, f, label);
        int start = f.exceptionStart() >= 0 ? f.exceptionStart() : source.start();
        int end = f.exceptionStart() >= 0 ? f.exceptionEnd() : source.end();
        while (end > start && Character.isWhitespace(document.text().charAt(end - 1))) {
            end--;
        }
        return new Analysis.Passage(CONVICTION_CARVEOUTS, label, "derived", document.text().substring(start, end), start, end,
                document.pageAt(start), source.section(), source.force(), source.exception(), source.notes(), source.exceptionStart(), source.exceptionEnd());
    }

    private static List<Analysis.Passage> dedupe(List<Analysis.Passage> passages) {
        List<Analysis.Passage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Analysis.Passage p : passages) {
            if (seen.add(p.provision() + "|" + p.start() + "|" + p.end() + "|" + p.reading() + "|" + p.exception())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Null when binding, else the reason it is not, in the vocabulary's words. */
    String[] binding(String text) {
        String opening = Normalized.of(text, 0, Math.min(text.length(), BINDING_WINDOW)).text();
        java.util.BitSet present = vocabulary.cueIndex().scan(opening);
        for (Vocabulary.BindingRule rule : vocabulary.notBinding()) {
            if (rule.pattern().find(opening, present) && (rule.unless() == null || !rule.unless().find(opening, present))) {
                return new String[] {rule.reason()};
            }
        }
        return null;
    }

    private static List<Analysis.Flag> flags(String[] binding, Map<String, Analysis.ProvisionResult> results, List<Analysis.Passage> passages) {
        List<Analysis.Flag> flags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (binding != null) {
            flags.add(new Analysis.Flag("non-binding", "", binding[0], -1, -1));
        }
        for (Analysis.Passage p : passages) {
            if (p.provision().equals(CONVICTION_CARVEOUTS)) {
                continue;
            }
            List<String> kinds = new ArrayList<>();
            if (p.notes().contains("criminal-exception")) {
                kinds.add("criminal-carve-out");
            }
            if (p.notes().contains("administrative-warrant")) {
                kinds.add("administrative-warrant");
            }
            if (p.notes().contains("required-by-law")) {
                kinds.add("required-by-law");
            }
            if (p.notes().contains("discretionary")) {
                kinds.add("discretionary");
            }
            // a mandate of the opposite practice where the document's label says so, or a penalty whatever the label
            if (p.label() == Label.CONTRARY
                    && (results.get(p.provision()).label() == Label.CONTRARY || p.reading().equals("contrary-direct"))) {
                kinds.add("contrary-mandate");
            }
            for (String kind : kinds) {
                if (kind.equals("criminal-carve-out") && !p.exception().isEmpty()) {
                    if (seen.add(kind + "|" + p.exception())) {
                        flags.add(new Analysis.Flag(kind, p.provision(), p.exception(), p.exceptionStart(), p.exceptionEnd()));
                    }
                } else if (seen.add(kind + "|" + p.provision() + "|" + p.start())) {
                    flags.add(new Analysis.Flag(kind, p.provision(), p.quote(), p.start(), p.end()));
                }
            }
        }
        return flags;
    }
}
