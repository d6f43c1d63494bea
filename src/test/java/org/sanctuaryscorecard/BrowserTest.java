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
}
