package org.sanctuaryscorecard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * A real browser (Debian's Chromium, driven by Playwright, no browser download) uses the typeahead. Skipped only
 * when Chromium is missing and the CI variable is unset; in CI a missing browser fails.
 */
class BrowserTest extends ChromiumTest {

    @Test
    void typingInTheSearchBoxFindsSantaClaraCountyAndOpensItsPage() {
        Page page = browser.newPage();
        java.util.List<String> consoleErrors = consoleErrors(page);
        page.navigate("http://localhost:" + port + "/");

        page.getByLabel("Find a city, county or state").pressSequentially("santa cl", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(40));
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Santa Clara County, California")).click();

        assertThat(page).hasURL("http://localhost:" + port + "/jurisdictions/06085");
        assertThat(page.locator("h1")).hasText("Santa Clara County");
        assertThat(page.getByText("County in California")).isVisible();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("browser console errors (CSP violations show here)").isEmpty();
        page.close();
    }

    @Test
    void theKeyboardAloneReachesASuggestion() {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/");
        var box = page.getByLabel("Find a city, county or state");

        box.pressSequentially("st louis", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(40));
        page.locator("#jurisdiction-suggestions a").first().waitFor();
        box.press("ArrowDown");
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText("St. Louis County");
        page.close();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.sanctuaryscorecard.framework.Framework framework;

    /**
     * The core loop, as a person does it: find a county, start an assessment, answer every question with evidence
     * (each saved by itself), watch the summary change, open the scorecard and the worksheet, get the PDF, export the
     * assessment and import it again.
     */
    @Test
    void aPersonAssessesACountyFromSearchToPdfAndBack() throws Exception {
        Page page = browser.newPage();
        java.util.List<String> consoleErrors = consoleErrors(page);
        String base = "http://localhost:" + port;
        signIn(page, Members.EDITOR);
        page.navigate(base + "/");

        page.getByLabel("Find a city, county or state").pressSequentially("kern count",
                new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Kern County, California")).click();
        assertThat(page.locator("h1")).hasText("Kern County");

        page.getByText("Start an assessment of Kern County").click();
        page.getByLabel("Author").fill("Kern Coalition");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Start the assessment")).click();
        assertThat(page.locator("h1")).containsText("Editing: Kern County: assessment");

        int number = 0;
        for (org.sanctuaryscorecard.framework.Framework.CriterionQuestion q : framework.questions().toList()) {
            number++;
            String form = "#answer-" + q.id().replaceAll("[^a-z0-9]+", "-");
            page.locator(form + " input[name=answer][value=Y]").check();
            assertThat(page.locator(form + " .save-status")).containsText("Saved at");
            String evidence = "#evidence-" + q.id().replaceAll("[^a-z0-9]+", "-");
            page.locator(evidence + " summary").click();
            page.locator(evidence + " input[name=sourceTitle]").fill("Kern County Ordinance " + number);
            page.locator(evidence + " input[name=citation]").fill("Sec. " + number);
            page.locator(evidence + " textarea[name=quote]").fill("quoted words " + number);
            page.locator(evidence + " button[type=submit]").click();
            assertThat(page.locator(evidence + " blockquote")).containsText("quoted words " + number);
            if (q.id().equals("question.detainers.formal-policy")) {
                assertThat(page.locator("#scoreboard")).containsText("Meets 1 of 8 criteria");
            }
        }
        assertThat(page.locator("#scoreboard")).containsText("Meets 8 of 8 criteria");

        page.getByText("Scorecard", new Page.GetByTextOptions().setExact(true)).first().click();
        assertThat(page.locator(".summary-sentence").first()).containsText("Meets 8 of 8 criteria");
        assertThat(page.locator("blockquote").first()).containsText("quoted words");
        String scorecardUrl = page.url();

        page.getByText("Worksheet (printable)").first().click();
        assertThat(page.locator("h1")).containsText("Worksheet: Kern County: assessment");
        assertThat(page.locator(".ws-boxes").first()).containsText("☒");

        com.microsoft.playwright.APIResponse pdf = page.context().request().get(scorecardUrl + "/scorecard.pdf");
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        page.navigate(scorecardUrl);
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByText("Export (JSON)").click());
        java.nio.file.Path exported = java.nio.file.Files.createTempFile("assessment", ".json");
        download.saveAs(exported);

        page.navigate(base + "/assessments/import");
        page.getByLabel("Assessment file (.json)").setInputFiles(exported);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.locator("h1")).hasText("Kern County: assessment");
        org.assertj.core.api.Assertions.assertThat(page.url()).isNotEqualTo(scorecardUrl);
        assertThat(page.locator(".summary-sentence").first()).containsText("Meets 8 of 8 criteria");
        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("console errors (CSP, 4xx, scripts)").isEmpty();
        java.nio.file.Files.deleteIfExists(exported);
        page.close();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.sanctuaryscorecard.assessment.Assessments assessments;

    @org.springframework.beans.factory.annotation.Autowired
    org.sanctuaryscorecard.account.Accounts accounts;

    /** Signs in through the sign-in page, as a member of the standard test organization ({@link Members}). */
    private void signIn(Page page, String username) {
        Members.standard(accounts);
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(Members.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator(".account-nav")).containsText("Your account (Tester " + username + ")");
    }

    /**
     * The account pages, as an organization's admin uses them: a wrong password is explained, then signing in, their
     * account, their organization with its members, its audit trail filtered to role changes, and signing out with the
     * header's button; every page labeled, with one h1, and no console error.
     */
    @Test
    void anAdminSignsInReadsTheirOrganizationAndItsTrailAndSignsOut() {
        Members.standard(accounts);
        Page page = browser.newPage();
        java.util.List<String> consoleErrors = consoleErrors(page);
        String base = "http://localhost:" + port;

        page.navigate(base + "/login");
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("sign-in page").isEmpty();
        page.getByLabel("Username").fill(Members.ADMIN);
        page.getByLabel("Password").fill("not the password");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("That username and password do not match.");
        consoleErrors.clear(); // the browser reports the refused form's redirect; nothing else may show

        signIn(page, Members.ADMIN);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Your account (Tester "
                + Members.ADMIN + ")")).click();
        assertThat(page.locator("h1")).hasText("Your account");
        assertThat(page.getByText("The rule: at least 10 characters")).isVisible();
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("account page").isEmpty();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Organizations")
                .setExact(true)).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Test Coalition")).click();
        assertThat(page.locator("h1")).hasText("Test Coalition");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ROWHEADER, new Page.GetByRoleOptions()
                .setName("Tester " + Members.VIEWER))).isVisible();
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("organization page").isEmpty();

        page.getByText("Audit trail of this organization").click();
        assertThat(page.locator("h1")).hasText("Audit trail: Test Coalition");
        page.getByLabel("Action").selectOption("add");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("table.audit tbody tr").first()).containsText("added");
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("audit page").isEmpty();

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator("h1")).hasText("Sign in");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("You are signed out.");
        page.navigate(base + "/account");
        assertThat(page.locator("h1")).hasText("Sign in");
        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("console errors (CSP, 4xx, scripts)").isEmpty();
        page.close();
    }

    void signOut(Page page) {
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
    }

    /**
     * The review workflow across people: an editor signs in, drafts an assessment and submits it; an editor of another
     * organization cannot see it; a reviewer signs in and publishes it; a visitor who is not signed in reads it.
     */
    @Test
    void anEditorDraftsAndSubmitsAReviewerPublishesAndEveryoneSeesIt() {
        Members.standard(accounts);
        Page page = browser.newPage();
        java.util.List<String> consoleErrors = consoleErrors(page);
        String base = "http://localhost:" + port;

        signIn(page, Members.EDITOR);
        page.navigate(base + "/jurisdictions/06067");
        page.getByText("Start an assessment of Sacramento County").click();
        page.getByLabel("Title").fill("Sacramento County: reviewed journey");
        page.getByLabel("Author").fill("Sacramento Coalition");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Start the assessment")).click();
        assertThat(page.locator("h1")).containsText("Editing: Sacramento County: reviewed journey");
        String editUrl = page.url();
        String scorecardUrl = editUrl.replaceFirst("/edit$", "");
        String form = "#answer-question-detainers-formal-policy";
        page.locator(form + " input[name=answer][value=Y]").check();
        assertThat(page.locator(form + " .save-status")).containsText("Saved at");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(page.locator(".workflow")).containsText("In review");
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("editor in review").isEmpty();
        signOut(page);

        // the draft's organization only: an anonymous visitor and another organization's editor get "not found"
        org.assertj.core.api.Assertions.assertThat(page.navigate(scorecardUrl).status()).isEqualTo(200);
        assertThat(page.locator("h1")).hasText("Sign in");
        signIn(page, Members.OUTSIDER);
        org.assertj.core.api.Assertions.assertThat(page.navigate(scorecardUrl).status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate(editUrl).status()).isEqualTo(404);
        page.navigate(base + "/jurisdictions/06067");
        assertThat(page.locator("main")).not().containsText("Sacramento County: reviewed journey");
        signOut(page);

        signIn(page, Members.REVIEWER);
        page.navigate(editUrl);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.locator(".workflow")).containsText("Published");
        signOut(page);

        page.navigate(base + "/jurisdictions/06067");
        page.getByText("Sacramento County: reviewed journey").first().click();
        assertThat(page.locator("h1")).hasText("Sacramento County: reviewed journey");
        assertThat(page.locator("main")).containsText("Published");
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(scorecardUrl);
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("published scorecard").isEmpty();
        org.assertj.core.api.Assertions.assertThat(consoleErrors.stream().filter(e -> !e.contains("404")).toList())
                .as("console errors (CSP, scripts; the outsider's two 404s are expected)").isEmpty();
        page.close();
    }

    /** Problems a page has for people who use a screen reader or a keyboard: unlabeled controls, duplicate ids, headings. */
    static java.util.List<String> accessibilityProblems(Page page) {
        @SuppressWarnings("unchecked")
        java.util.List<String> problems = (java.util.List<String>) page.evaluate("() => {"
                + "const problems = [];"
                + "for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {"
                + "  const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' && c.textContent.trim());"
                + "  if (!named) problems.push('no label: ' + c.outerHTML.slice(0, 80)); }"
                + "const ids = new Map();"
                + "for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) || 0) + 1);"
                + "for (const [id, n] of ids) if (n > 1) problems.push('duplicate id: ' + id);"
                + "if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');"
                + "if (!document.querySelector('main')) problems.push('no main landmark');"
                + "for (const a of document.querySelectorAll('a[href^=\\'#\\']')) if (a.getAttribute('href').length > 1 && !document.getElementById(a.getAttribute('href').slice(1))) problems.push('broken link: ' + a.getAttribute('href'));"
                + "return problems; }");
        return problems;
    }

    /**
     * The analyzer, as a person uses it for an assessment: from the editor, paste a short ordinance, read the results
     * (labels, quotes, the marked text, reached from the side panel by keyboard), see the suggestions, apply them, and
     * find them in the assessment.
     */
    @Test
    void aPersonAnalyzesAnOrdinanceForAnAssessmentAndAppliesTheSuggestions() {
        long id = assessments.create("06029", org.sanctuaryscorecard.Members.standard(accounts).id(), "Kern County: analyzer journey",
                "Tester", "2026-10-01", "Tester").id();
        Page page = browser.newPage();
        java.util.List<String> consoleErrors = consoleErrors(page);
        String base = "http://localhost:" + port;
        signIn(page, Members.EDITOR);
        page.navigate(base + "/assessments/" + id + "/edit");

        page.getByText("Analyze a document for this assessment").click();
        assertThat(page.locator("h1")).hasText("Analyze a document");
        assertThat(page.locator(".flash")).containsText("Kern County: analyzer journey");
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("form page").isEmpty();
        page.getByLabel("A name for the text (optional)").fill("Springdale Ordinance 12-34");
        page.getByLabel("The text (at most 2,000,000 characters)").fill(org.sanctuaryscorecard.analysis.web.Ordinances.TEXT);
        page.keyboard().press("Tab");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Analyze the text"))).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText("Analysis: Springdale Ordinance 12-34");
        assertThat(page.locator("#binding-status")).containsText("Binding");
        assertThat(page.locator("#provision-jail-access .label")).hasText("Protects");
        assertThat(page.locator("#provision-detainer-hold .label")).hasText("Limited");
        assertThat(page.locator("#provision-detainer-hold .rule")).containsText("exception tied to criminal history");
        assertThat(page.locator("#provision-info-sharing")).containsText("does not address");
        org.assertj.core.api.Assertions.assertThat(page.locator(".document-text mark[id]").count()).isGreaterThanOrEqualTo(5);
        assertThat(page.locator(".document-text mark.label-protects").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("results page").isEmpty();

        // from the side panel to the passage, by keyboard: the mark gets the focus and is on screen
        com.microsoft.playwright.Locator show = page.locator("#provision-jail-access a.show-in-text");
        String target = show.getAttribute("href").substring(1);
        show.focus();
        page.keyboard().press("Enter");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo(target);
        assertThat(page.locator("#" + target)).isInViewport();
        assertThat(page.locator("#" + target)).containsText("The City shall not permit ICE agents to access City jails");

        assertThat(page.getByLabel("Assessment number")).hasValue(String.valueOf(id));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the suggestions")).click();
        assertThat(page.locator("h1")).hasText("Suggestions for “Kern County: analyzer journey”");
        assertThat(page.getByLabel("Label “Jail access” as Protects")).isChecked();
        assertThat(page.getByLabel("Add the quote as evidence for “Jail access” (written policy; citation: Section 2.)")).isChecked();
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("suggestions page").isEmpty();
        page.getByLabel("Label “287(g) agreements” as Protects").uncheck();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Apply the checked suggestions")).click();

        assertThat(page.locator("h1")).hasText("Editing: Kern County: analyzer journey");
        assertThat(page.locator(".flash")).hasText("Applied 13 suggestions from “Springdale Ordinance 12-34”.");
        assertThat(page.locator("#provision-jail-access input[name=label][value=protects]")).isChecked();
        assertThat(page.locator("#provision-detainer-hold input[name=label][value=limited]")).isChecked();
        assertThat(page.locator("#provision-287g input[name=label][value='']")).isChecked();
        assertThat(page.locator("#provision-jail-access textarea[name=explanation]")).containsText("Inferred by the document analyzer");
        assertThat(page.locator("#evidence-provision-jail-access blockquote"))
                .hasText("The City shall not permit ICE agents to access City jails for the purpose of investigative interviews.");
        assertThat(page.locator("#evidence-provision-jail-access .source")).containsText("Springdale Ordinance 12-34, Section 2.");
        assertThat(page.locator("#answer-question-jail-access-formal-policy input[name=answer][value=Y]")).isChecked();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("console errors (CSP, 4xx, scripts)").isEmpty();
        page.close();
    }
    /**
     * Uploading a real file: a PDF and a Word document with the same short ordinance, each shown with its findings
     * marked in place and the side panel labeled, through the page's own file field.
     */
    @Test
    void anUploadedPdfAndWordDocumentShowTheirFindingsMarkedInPlace() {
        Page page = browser.newPage();
        String base = "http://localhost:" + port;
        Object[][] files = {
                {"springdale-ordinance.pdf", "application/pdf", org.sanctuaryscorecard.analysis.web.Ordinances.pdf()},
                {"springdale-ordinance.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        org.sanctuaryscorecard.analysis.web.Ordinances.docx()}};
        for (Object[] file : files) {
            page.navigate(base + "/analyze");
            page.locator("#analyze-file").setInputFiles(new com.microsoft.playwright.options.FilePayload((String) file[0], (String) file[1], (byte[]) file[2]));
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Analyze the document")).click();

            assertThat(page.locator("h1")).hasText("Analysis: " + file[0]);
            assertThat(page.locator("#provision-jail-access .label")).hasText("Protects");
            assertThat(page.locator("#provision-detainer-hold .label")).hasText("Limited");
            org.assertj.core.api.Assertions.assertThat(page.locator(".document-text mark[id]").count())
                    .as("marked passages in %s", file[0]).isGreaterThanOrEqualTo(5);
            assertThat(page.locator(".document-text mark.label-protects").first()).isVisible();
            assertThat(page.locator(".document-text")).containsText("The City shall not permit ICE agents to access City jails");
            org.assertj.core.api.Assertions.assertThat(accessibilityProblems(page)).as("results page for %s", file[0]).isEmpty();
        }
        page.close();
    }
}
