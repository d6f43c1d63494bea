package org.sanctuaryscorecard.assessment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;
import java.util.stream.Stream;

/** What kind of source a piece of evidence comes from. */
public enum SourceKind {
    ORDINANCE("ordinance"),
    STATUTE("statute"),
    RESOLUTION("resolution"),
    BILL("bill"),
    EXECUTIVE_ORDER("executive-order"),
    DEPARTMENT_POLICY("department-policy"),
    CONTRACT_OR_AGREEMENT("contract-or-agreement"),
    COURT_DECISION("court-decision"),
    PUBLIC_RECORDS_RESPONSE("public-records-response"),
    DATA("data"),
    NEWS_REPORT("news-report"),
    INTERVIEW_OR_TESTIMONY("interview-or-testimony"),
    OTHER("other");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    /** The stable name used in storage, the API and messages. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The kind with this name, if any. */
    public static Optional<SourceKind> of(String id) {
        return Stream.of(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
