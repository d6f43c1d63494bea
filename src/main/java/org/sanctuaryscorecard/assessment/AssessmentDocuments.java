package org.sanctuaryscorecard.assessment;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.assessment.AssessmentDocument.AnswerEntry;
import org.sanctuaryscorecard.assessment.AssessmentDocument.EvidenceEntry;
import org.sanctuaryscorecard.assessment.AssessmentDocument.FileEntry;
import org.sanctuaryscorecard.assessment.AssessmentDocument.LandscapeEntry;
import org.sanctuaryscorecard.assessment.AssessmentDocument.ProvisionEntry;
import org.sanctuaryscorecard.framework.Framework;

/** Turns an assessment into its JSON document and back. Deterministic, so that a round trip gives the same document. */
final class AssessmentDocuments {

    private AssessmentDocuments() {
    }

    /** A document read and checked for its shape; the values are checked by the same rules as single saves. */
    record Imported(Map<String, LandscapeEntry> landscape, Map<String, AnswerEntry> answers,
                    Map<String, ProvisionEntry> provisions, List<ImportedEvidence> evidence,
                    Map<Integer, EvidenceInput.FileUpload> files) {
    }

    /** A piece of evidence of a document, with the document's id of its file. */
    record ImportedEvidence(int number, EvidenceInput input, Integer fileId) {
    }

    static AssessmentDocument toDocument(Assessment assessment, Framework framework, LongFunction<EvidenceFile> files) {
        AssessmentContent content = assessment.content();
        Map<String, LandscapeEntry> landscape = new LinkedHashMap<>();
        content.landscape().forEach((id, a) -> landscape.put(id,
                new LandscapeEntry(a.choice(), a.text(), a.agencies().isEmpty() ? null : a.agencies(), a.link())));
        Map<String, AnswerEntry> answers = new LinkedHashMap<>();
        content.answers().forEach((id, a) -> answers.put(id, new AnswerEntry(a.answer(), a.explanation())));
        Map<String, ProvisionEntry> provisions = new LinkedHashMap<>();
        content.provisions().forEach((id, p) -> provisions.put(id, new ProvisionEntry(p.label(), p.explanation())));
        Map<Long, Integer> fileNumbers = new LinkedHashMap<>();
        List<EvidenceEntry> evidence = new ArrayList<>();
        List<FileEntry> fileEntries = new ArrayList<>();
        for (Evidence e : content.evidence()) {
            Integer file = null;
            if (e.fileId() != null) {
                file = fileNumbers.get(e.fileId());
                if (file == null) {
                    file = fileNumbers.size() + 1;
                    fileNumbers.put(e.fileId(), file);
                    EvidenceFile stored = files.apply(e.fileId());
                    fileEntries.add(new FileEntry(file, stored.name(), stored.contentType(), stored.sha256(),
                            Base64.getEncoder().encodeToString(stored.content())));
                }
            }
            evidence.add(new EvidenceEntry(e.number(), e.item(), e.sourceTitle(),
                    e.sourceKind() == null ? null : e.sourceKind().id(), e.citation(), e.url(),
                    e.seenOn() == null ? null : e.seenOn().toString(), e.quote(),
                    e.shows() == null ? null : e.shows().id(), file));
        }
        return new AssessmentDocument(AssessmentDocument.FORMAT, AssessmentDocument.FORMAT_VERSION,
                new AssessmentDocument.FrameworkReference(assessment.frameworkId(), assessment.frameworkVersion()),
                assessment.jurisdictionGeoid(), content.title(), content.author(),
                content.asOf() == null ? null : content.asOf().toString(), content.status().id(), content.example(),
                landscape, answers, provisions, evidence, fileEntries);
    }

    static Imported fromDocument(AssessmentDocument document, Framework framework) {
        if (document == null || !AssessmentDocument.FORMAT.equals(document.format())) {
            throw new AssessmentInputException("format", "assessment.error.format", AssessmentDocument.FORMAT);
        }
        if (document.formatVersion() == null || document.formatVersion() != AssessmentDocument.FORMAT_VERSION) {
            throw new AssessmentInputException("formatVersion", "assessment.error.formatVersion",
                    document.formatVersion() == null ? 0 : document.formatVersion(), AssessmentDocument.FORMAT_VERSION);
        }
        if (document.framework() == null || !framework.about().id().equals(document.framework().id())) {
            throw new AssessmentInputException("framework", "assessment.error.framework",
                    document.framework() == null ? "?" : String.valueOf(document.framework().id()), framework.about().id());
        }
        Map<Integer, EvidenceInput.FileUpload> files = new LinkedHashMap<>();
        for (FileEntry file : document.files() == null ? List.<FileEntry>of() : document.files()) {
            if (file.id() == null) {
                throw new AssessmentInputException("files", "assessment.error.fileBase64", 0);
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(file.base64() == null ? "" : file.base64());
            } catch (IllegalArgumentException e) {
                throw new AssessmentInputException("files", "assessment.error.fileBase64", file.id());
            }
            if (!Assessments.sha256(content).equalsIgnoreCase(String.valueOf(file.sha256()))) {
                throw new AssessmentInputException("files", "assessment.error.fileChecksum", file.id());
            }
            if (files.put(file.id(), new EvidenceInput.FileUpload(file.name(), file.contentType(), content)) != null) {
                throw new AssessmentInputException("files", "assessment.error.duplicateFile", file.id());
            }
        }
        List<ImportedEvidence> evidence = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (EvidenceEntry e : document.evidence() == null ? List.<EvidenceEntry>of() : document.evidence()) {
            if (e.number() == null || e.number() < 1 || !numbers.add(e.number())) {
                throw new AssessmentInputException("evidence", "assessment.error.evidenceNumber", e.number() == null ? 0 : e.number());
            }
            if (e.file() != null && !files.containsKey(e.file())) {
                throw new AssessmentInputException("evidence", "assessment.error.missingFile", e.number(), e.file());
            }
            evidence.add(new ImportedEvidence(e.number(), new EvidenceInput(e.item(), e.sourceTitle(), e.sourceKind(),
                    e.citation(), e.url(), e.seenOn(), e.quote(), e.shows(), null), e.file()));
        }
        return new Imported(
                document.landscape() == null ? Map.of() : document.landscape(),
                document.answers() == null ? Map.of() : document.answers(),
                document.provisions() == null ? Map.of() : document.provisions(),
                evidence, files);
    }
}
