package org.sanctuaryscorecard.analysis;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * An analysis in the label-file shape of {@code spec/provisions.md} ({@code document}, {@code binding}, {@code labels}
 * with every provision id, evidence for every label other than silent), with the analyzer's reasons beside it: for
 * each label the rule, section, page and offsets of its evidence, and the document's flags. Tools that read label
 * files ignore the extra fields.
 */
public final class LabelsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private LabelsJson() {
    }

    /** The analysis as a tree of maps and lists, ready to serialize. */
    public static Map<String, Object> tree(Analysis analysis) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("document", analysis.document());
        root.put("binding", analysis.binding());
        if (!analysis.binding()) {
            root.put("binding_reason", analysis.bindingReason());
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        for (Analysis.ProvisionResult result : analysis.provisions().values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", result.label().id());
            Analysis.Passage evidence = result.evidence();
            if (evidence != null) {
                entry.put("evidence", evidence.quote());
                putReasons(entry, evidence);
                if (result.inferred()) {
                    entry.put("inferred", true);
                }
            }
            labels.put(result.provision(), entry);
        }
        root.put("labels", labels);
        List<Map<String, Object>> flags = analysis.flags().stream().map(flag -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("kind", flag.kind());
            if (!flag.provision().isEmpty()) {
                f.put("provision", flag.provision());
            }
            f.put("quote", flag.quote());
            if (flag.start() >= 0) {
                f.put("start", flag.start());
                f.put("end", flag.end());
            }
            return f;
        }).toList();
        root.put("flags", flags);
        root.put("passages", analysis.passages().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provision", p.provision());
            m.put("label", p.label().id());
            m.put("quote", p.quote());
            putReasons(m, p);
            return m;
        }).toList());
        if (!analysis.repairs().isEmpty()) {
            root.put("repairs", analysis.repairs());
        }
        return root;
    }

    /**
     * Why a passage got its label, in plain English words from {@code messages.properties} (the same sentences the
     * results page shows): "“shall not” lays down the protective rule ...".
     */
    public static String explanation(Analysis.Passage passage) {
        String key = "analysis.rule." + passage.reading();
        if ("derived".equals(passage.reading())) {
            key += "." + passage.label().id();
        } else if (passage.force().isBlank()) {
            key += ".plain";
        }
        ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.ROOT);
        if (!messages.containsKey(key)) {
            return passage.reading();
        }
        return new MessageFormat(messages.getString(key), Locale.US).format(new Object[] {passage.force(), passage.exception()});
    }

    /** The rule, force words, exception, section, page and offsets of a passage. */
    private static void putReasons(Map<String, Object> into, Analysis.Passage passage) {
        into.put("rule", passage.reading());
        into.put("explanation", explanation(passage));
        if (!passage.force().isEmpty()) {
            into.put("force", passage.force());
        }
        if (!passage.exception().isEmpty()) {
            into.put("exception", passage.exception());
        }
        if (!passage.section().isEmpty()) {
            into.put("section", passage.section());
        }
        if (passage.page() > 0) {
            into.put("page", passage.page());
        }
        into.put("start", passage.start());
        into.put("end", passage.end());
    }

    /** The analysis as indented JSON. */
    public static String write(Analysis analysis) {
        return MAPPER.writeValueAsString(tree(analysis));
    }
}
