package org.sanctuaryscorecard.analysis;

import java.util.Locale;

/** The four labels of {@code spec/provisions.md}: what a document does with one provision. */
public enum Label {
    /** the document establishes the protective rule */
    PROTECTS,
    /** it addresses the rule with criminal-history exceptions, or only discourages the practice */
    LIMITED,
    /** it requires, authorizes or protects the opposite practice */
    CONTRARY,
    /** it does not address the rule */
    SILENT;

    /** The label as written in label files: "protects", "limited", "contrary", "silent". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label written as {@code id}, or null. */
    public static Label fromId(String id) {
        for (Label label : values()) {
            if (label.id().equals(id)) {
                return label;
            }
        }
        return null;
    }
}
