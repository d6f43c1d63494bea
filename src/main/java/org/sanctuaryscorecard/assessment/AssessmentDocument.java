package org.sanctuaryscorecard.assessment;

import java.util.List;
import java.util.Map;

/**
 * An assessment as a JSON document, for export and import (docs/assessment-format.md). Export then import then export
 * gives the same document.
 */
public record AssessmentDocument(
        String format,
        Integer formatVersion,
        FrameworkReference framework,
        String jurisdiction,
        String title,
        String author,
        String asOf,
        String status,
        String example,
        Map<String, LandscapeEntry> landscape,
        Map<String, AnswerEntry> answers,
        Map<String, ProvisionEntry> provisions,
        List<EvidenceEntry> evidence,
        List<FileEntry> files) {

    /** The same document with another status (the shipped examples are published on import). */
    public AssessmentDocument withStatus(String newStatus) {
        return new AssessmentDocument(format, formatVersion, framework, jurisdiction, title, author, asOf, newStatus, example, landscape,
                answers, provisions, evidence, files);
    }


    /** The format name written in every document. */
    public static final String FORMAT = "sanctuary-scorecard/assessment";
    /** The version of the format this application writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public record FrameworkReference(String id, String version) {
    }

    public record LandscapeEntry(String choice, String text, List<String> agencies, String link) {
    }

    public record AnswerEntry(String answer, String explanation) {
    }

    public record ProvisionEntry(String label, String explanation) {
    }

    public record EvidenceEntry(Integer number, String item, String sourceTitle, String sourceKind, String citation, String url,
                                String seenOn, String quote, String shows, Integer file) {
    }

    public record FileEntry(Integer id, String name, String contentType, String sha256, String base64) {
    }
}
