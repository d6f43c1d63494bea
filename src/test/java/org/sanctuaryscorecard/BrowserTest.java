package org.sanctuaryscorecard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real browser (Debian's Chromium, driven by Playwright, no browser download) uses the typeahead. Skipped only
 * when Chromium is missing and the CI variable is unset; in CI a missing browser fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        boolean installed = Files.isExecutable(CHROMIUM);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI is set but Chromium is not installed at " + CHROMIUM
                    + "; .ci/run installs it with apt-get (packages chromium and chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed at " + CHROMIUM + "; browser test skipped");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void typingInTheSearchBoxFindsSantaClaraCountyAndOpensItsPage() {
        Page page = browser.newPage();
        java.util.List<String> consoleErrors = new java.util.ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
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
        java.util.List<String> consoleErrors = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> { if ("error".equals(m.type())) { consoleErrors.add(m.text()); } });
        String base = "http://localhost:" + port;
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
        page.getByLabel("Your name (shown in the history)").fill("Browser Tester");

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
}
