package org.sanctuaryscorecard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The national map in a real browser (Debian's Chromium through Playwright, set up as in {@link BrowserTest}): D3
 * draws every county from the served boundaries, a click on San Francisco (the county with a published example
 * assessment) opens its page, the keyboard does the same, and the strict Content-Security-Policy reports nothing.
 */
class MapBrowserTest extends ChromiumTest {

    @Test
    void openTheMapClickACountyReachItsPage() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 1000));
        List<String> errors = consoleErrors(page);
        String base = "http://localhost:" + port;
        page.navigate(base + "/");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("National map")).click();
        assertThat(page).hasURL(base + "/map");

        // D3 drew the counties of the 50 states and DC (3,144 in the Albers file) and the state borders
        Locator counties = page.locator("#map-canvas svg path.map-area");
        counties.first().waitFor();
        org.assertj.core.api.Assertions.assertThat(counties.count()).isEqualTo(3144);
        assertThat(page.locator("#map-canvas svg path.map-borders")).hasCount(1);
        Locator sanFrancisco = page.locator("#map-canvas a[data-geoid='06075']");
        org.assertj.core.api.Assertions.assertThat(sanFrancisco.locator("path").getAttribute("fill"))
                .as("San Francisco has a published example: not the hatched 'not assessed' fill").isNotEqualTo("url(#map-fill-4)");
        org.assertj.core.api.Assertions.assertThat(page.locator("#map-canvas a[data-geoid='48301'] path").getAttribute("fill"))
                .isEqualTo("url(#map-fill-4)");

        // zoom to California (the form redraws in place and the address bar becomes the view's permalink), click San Francisco
        page.getByLabel("Zoom to and list the counties of").selectOption("06");
        page.waitForURL(url -> url.contains("state=06"));
        assertThat(page.locator("#map-counties-title")).hasText("Counties of California");
        page.locator("#map-canvas svg.map-level-county path.map-chosen").waitFor();
        page.locator("#map-canvas a[data-geoid='06075'] path").click();

        assertThat(page).hasURL(base + "/jurisdictions/06075");
        assertThat(page.locator("h1")).hasText("San Francisco County");
        org.assertj.core.api.Assertions.assertThat(errors).as("browser console errors (CSP violations show here)").isEmpty();
        page.close();
    }

    @Test
    void theKeyboardReachesACountyAndEnterOpensItsPage() {
        Page page = browser.newPage();
        List<String> errors = consoleErrors(page);
        String base = "http://localhost:" + port;
        page.navigate(base + "/map?layer=criteria-met&level=county&asOf=2025-01-01");
        Locator sanFrancisco = page.locator("#map-canvas a[data-geoid='06075']");
        sanFrancisco.waitFor();
        // outside a chosen state, counties with data are in the tab order, the others are reached by search and tables
        org.assertj.core.api.Assertions.assertThat(sanFrancisco.getAttribute("tabindex")).isNull();
        org.assertj.core.api.Assertions.assertThat(page.locator("#map-canvas a[data-geoid='48301']").getAttribute("tabindex")).isEqualTo("-1");
        sanFrancisco.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(base + "/jurisdictions/06075");
        org.assertj.core.api.Assertions.assertThat(errors).as("browser console errors").isEmpty();
        page.close();
    }
}
