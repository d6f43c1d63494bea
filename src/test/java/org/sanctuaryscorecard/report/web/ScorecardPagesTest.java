package org.sanctuaryscorecard.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.Members;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.assessment.EvidenceInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ScorecardWebTest
@WithUserDetails(value = Members.EDITOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class ScorecardPagesTest {

    @Autowired
    org.sanctuaryscorecard.account.Accounts accountsForMembers;

    org.sanctuaryscorecard.account.Organization organization;

    @org.junit.jupiter.api.BeforeEach
    void standardMembers() {
        organization = Members.standard(accountsForMembers);
    }

    static final String POLICY = "question.detainers.formal-policy";
    static final String PRACTICE = "question.detainers.refuses-requests";
    static final String XSS = "<script>alert(1)</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    Assessments assessments;

    private long assessment() {
        long id = assessments.create("06019", organization.id(), "Fresno County 2026", "Ana", "2026-09-01", "Ana").id();
        assessments.saveAnswer(id, POLICY, 0, "Y", "The board adopted a policy " + XSS, "Ana");
        assessments.saveAnswer(id, PRACTICE, 0, "N", "The jail still holds people.", "Ana");
        assessments.saveAnswer(id, "question.conviction-carveouts.applies-regardless", 0, "OTHER", "Some carve-outs.", "Ana");
        assessments.saveProvision(id, "detainer-hold", 0, "protects", "Sec. 2", "Ana");
        assessments.addEvidence(id, new EvidenceInput(POLICY, "Board resolution", "resolution", "Sec. 2",
                "https://example.org/res", "2026-09-02", "shall not detain " + XSS, "policy", null), "Ana");
        assessments.addEvidence(id, new EvidenceInput(PRACTICE, "Jail log", "public-records-response", "p. 4", null,
                "2026-09-03", "held on ICE request", "practice", null), "Ana");
        return id;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theScorecardShowsTheSummaryEachCriterionTheEvidenceAndTheGaps() throws Exception {
        long id = assessment();

        mvc.perform(get("/assessments/" + id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Meets 0 of 8 criteria</span>; <span>1 partly</span>; "
                        + "<span>1 need review</span>; <span>6 not yet assessed</span>.")))
                .andExpect(content().string(containsString("Ideal policy: protects on 1 of 13 provisions")))
                .andExpect(content().string(containsString("status-partly-met")))
                .andExpect(content().string(containsString("shall not detain &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString(XSS))))
                .andExpect(content().string(containsString("Written policy")))
                .andExpect(content().string(containsString("Actual practice")))
                .andExpect(content().string(containsString("cite=\"https://example.org/res\"")))
                .andExpect(content().string(containsString("The gaps, and where to look")))
                .andExpect(content().string(containsString("holding any person in custody solely on the basis of an ICE detainer")))
                .andExpect(content().string(containsString("Sheriff or police-department orders and directives.")))
                .andExpect(content().string(containsString("A person must decide: the rule cannot place the Other answer to 7.1.")));
        mvc.perform(get("/assessments/987654")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no assessment number 987654")));
        mvc.perform(get("/assessments/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void theWorksheetIsTheChaptersTableFilledInOrBlank() throws Exception {
        long id = assessment();

        mvc.perform(get("/assessments/" + id + "/worksheet"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Meets criteria? Y/N/Other")))
                .andExpect(content().string(containsString("☒")))
                .andExpect(content().string(containsString("The jail still holds people.")))
                .andExpect(content().string(containsString("/css/print.css")));
        mvc.perform(get("/jurisdictions/06019/worksheet"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A blank worksheet for Fresno County")))
                .andExpect(content().string(not(containsString("☒"))))
                .andExpect(content().string(containsString("☐")))
                .andExpect(content().string(containsString("ws-lines")));
        mvc.perform(get("/jurisdictions/99999/worksheet")).andExpect(status().isNotFound());
    }

    @Test
    void theScorecardAndWorksheetsComeAsPdf() throws Exception {
        long id = assessment();

        byte[] scorecard = mvc.perform(get("/assessments/" + id + "/scorecard.pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("scorecard-" + id + ".pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(scorecard);
        assertThat(text).contains("Fresno County 2026", "Meets 0 of 8 criteria", "shall not detain <script>alert(1)</script>",
                "The gaps, and where to look", "Page 1 of");

        byte[] worksheet = mvc.perform(get("/assessments/" + id + "/worksheet.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(worksheet)).contains("Worksheet: Fresno County 2026", "Where to look", "☒");

        byte[] blank = mvc.perform(get("/jurisdictions/06019/worksheet.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(blank)).contains("Worksheet: Fresno County", "Assessing the Landscape",
                "1.1 Do your local law", "8.3 Is the local government", "☐ Other").doesNotContain("☒");
    }
}
