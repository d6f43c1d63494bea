package org.sanctuaryscorecard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A real browser (Debian's Chromium through Playwright, as {@link BrowserTest} launches it) compares two jurisdictions
 * with published example assessments: it picks them in the form, reads the side-by-side table and follows source
 * links; and it opens the API's documentation under the strict Content-Security-Policy. Skipped only when Chromium
 * is missing and the CI variable is unset.
 */
class CompareBrowserTest extends ChromiumTest {

    @Test
    void aReaderComparesChicagoAndSanFranciscoAndFollowsTheirSources() {
        String base = "http://localhost:" + port;
        Page page = browser.newPage();
        List<String> errors = consoleErrors(page);
        page.navigate(base + "/compare");
        assertThat(page.locator("h1")).hasText("Compare jurisdictions");

        // the first field suggests places from a name; the second takes a GEOID typed by hand
        Locator first = page.getByLabel("Jurisdiction 1");
        first.pressSequentially("chicago", new Locator.PressSequentiallyOptions().setDelay(30));
        page.locator("#compare-options-1 option[value='1714000']").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        first.fill("1714000");
        page.getByLabel("Jurisdiction 2").fill("06075");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/compare\\?ids=1714000&ids=06075.*"));
        Locator criteria = page.locator("#compare-criteria");
        assertThat(criteria.locator("caption")).containsText("Criterion by criterion");
        assertThat(criteria.locator("thead th").nth(1)).containsText("Chicago city");
        assertThat(criteria.locator("thead th").nth(2)).containsText("San Francisco County");
        assertThat(criteria.locator("tbody tr")).hasCount(8);
        assertThat(page.locator("#compare-provisions tbody tr")).hasCount(13);
        // Chicago's ordinance protects against detainer holds: the checklist says so, with its source
        Locator hold = page.locator("#compare-provisions tr:has(th#row-provision-detainer-hold) td").first();
        assertThat(hold.locator(".label")).hasText("Protects");

        // a cell with a quoted source: its quote, then the link to the answers on the scorecard
        Locator cell = criteria.locator("tbody td:has(.compare-sources blockquote)").first();
        String quote = cell.locator("blockquote").first().innerText().replace(" \u2026", "");
        String sourceUrl = cell.locator("a.compare-source-link").first().getAttribute("href");
        cell.getByText("The answers on the scorecard").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/assessments/\\d+#criterion\\..*"));
        assertThat(page.locator("main")).containsText(quote.substring(0, Math.min(60, quote.length())));
        page.goBack();

        // the source itself: the machine is offline, so the browser's request to it is answered here, and checked
        page.route(sourceUrl, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(200).setContentType("text/html").setBody("<title>source</title><p>the source</p>")));
        page.locator("#compare-criteria a.compare-source-link[href='" + sourceUrl + "']").first().click();
        assertThat(page).hasURL(sourceUrl);
        assertThat(page.locator("p")).hasText("the source");

        org.assertj.core.api.Assertions.assertThat(errors).as("browser console errors (CSP violations show here)").isEmpty();
        page.close();
    }

    /** The API's documentation (Swagger UI, served by springdoc from its webjar) works under the unchanged policy. */
    @Test
    void theApiDocumentationOpensUnderTheStrictContentSecurityPolicy() {
        Page page = browser.newPage();
        List<String> errors = consoleErrors(page);
        page.navigate("http://localhost:" + port + "/api/docs");
        assertThat(page.getByText("Sanctuary Scorecard API").first()).isVisible();
        assertThat(page.getByText("/api/v1/framework").first()).isVisible();
        page.getByText("/api/v1/exports/codebook").first().click();
        assertThat(page.getByText("Parameters").first()).isVisible();
        // Swagger UI needs no inline script; it tries one inline style, which the policy blocks (nothing is loosened
        // for it): the page still works, so that one refusal is the only console error allowed here
        org.assertj.core.api.Assertions.assertThat(errors).as("browser console errors (CSP violations show here)")
                .allMatch(e -> e.startsWith("Applying inline style violates") && !e.contains("script-src"));
        page.close();
    }
}
