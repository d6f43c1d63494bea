package org.sanctuaryscorecard.correction.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.sanctuaryscorecard.Members;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.audit.AuditTrail;
import org.sanctuaryscorecard.correction.CorrectionRequest;
import org.sanctuaryscorecard.correction.internal.CorrectionStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What the correction web tests share: the application, the standard test organization, and the stored requests. */
abstract class CorrectionWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Assessments assessments;

    @Autowired
    CorrectionStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    Organization organization;

    @BeforeEach
    void standardMembers() {
        organization = Members.standard(accounts);
    }

    /** The requests stored from a client address, oldest first. */
    List<CorrectionRequest> storedFrom(String address) {
        return jdbc.sql("SELECT id FROM correction_request WHERE origin = ? ORDER BY id").param(address).query(Long.class).list()
                .stream().map(id -> store.find(id).orElseThrow()).toList();
    }
}
