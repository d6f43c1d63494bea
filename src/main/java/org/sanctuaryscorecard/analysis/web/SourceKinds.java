package org.sanctuaryscorecard.analysis.web;

import java.util.Locale;

import org.sanctuaryscorecard.analysis.Analysis;
import org.sanctuaryscorecard.assessment.SourceKind;

/** The source kind offered first for a document's evidence; the person can choose another. */
final class SourceKinds {

    private SourceKinds() {
    }

    /**
     * A binding document is most often an ordinance; one judged not binding because it is a bill or a resolution is
     * offered as such (by the analyzer's reason); anything else not binding (a form, a summary, a draft) as "other".
     */
    static SourceKind defaultFor(Analysis analysis) {
        if (analysis.binding()) {
            return SourceKind.ORDINANCE;
        }
        String reason = analysis.bindingReason().toLowerCase(Locale.ROOT);
        if (reason.contains("bill") || reason.contains("proposal")) {
            return SourceKind.BILL;
        }
        if (reason.contains("resolution")) {
            return SourceKind.RESOLUTION;
        }
        return SourceKind.OTHER;
    }
}
