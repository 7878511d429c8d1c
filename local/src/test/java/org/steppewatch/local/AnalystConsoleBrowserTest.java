package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * The analyst console (incident-service at /) in a real headless Chromium against the whole stack:
 * an analyst signs in with the stack's provider, reports the 2013 Proton-M crash through the form and
 * watches it being assessed, revises and retracts an incident; anyone filters a list that keeps itself
 * up to date.
 */
class AnalystConsoleBrowserTest extends ConsoleBrowserTest {

    @Test
    void theProtonCrashReportedThroughTheFormIsAssessedLiveAndItsZonesAreDrawn() {
        // the end-to-end test reports a crash of the same title: this one is told apart by its id
        String title = "Proton-M launch failure after lift-off";
        // an analyst who may also issue, so the alert goes out at once; one name per stack, as the picture shows it
        Tokens.User analyst = Tokens.namedUser("aigerim", "analyst", "issuer");
        openConsole("");
        signIn(analyst);
        assertThat(browser().find(By.id("signed-in-roles")).getText()).contains("Analyst").contains("Issuer");
        browser().find(By.id("report-link")).click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.incident-form")));

        // a first try with two mistakes: each problem of the API's answer is shown next to its field
        browser().field("title").sendKeys(title);
        new Select(browser().field("category")).selectByValue("LAUNCH_FAILURE");
        browser().field("occurredAt").sendKeys("2013-07-02 02:38:22");
        browser().find(By.xpath("//button[normalize-space()='Add a release']")).click();
        new Select(browser().field("releases[0].substance")).selectByValue("UDMH");
        browser().field("releases[0].massKg").sendKeys("-172000");
        browser().field("location.lon").sendKeys("63.0");
        browser().field("location.lat").sendKeys("95");
        submit();

        WebElement summary = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(summary.getText()).contains("There is a problem").contains("nothing was stored");
        assertThat(errorOf("location")).contains("latitude 95.0 is outside -90..90");
        assertThat(errorOf("releases[0].massKg")).contains("must be a finite number > 0");
        assertThat(browser().field("releases[0].massKg").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser().field("title").getDomAttribute("aria-invalid")).isNull();

        // the location by a click on the map, where the rocket came down
        browser().field("location.lon").clear();
        browser().field("location.lat").clear();
        Map<String, Object> point = Browser.map(browser().script("""
                const map = window.steppeWatchConsole.map;
                map.setView([46.05, 63.00], 10, {animate: false});
                const p = map.latLngToContainerPoint([46.05, 63.00]);
                return {x: p.x, y: p.y};"""));
        WebElement map = browser().find(By.id("map"));
        Rectangle box = map.getRect();
        new Actions(browser().driver).moveToElement(map, ((Number) point.get("x")).intValue() - box.width / 2,
                ((Number) point.get("y")).intValue() - box.height / 2).click().perform();
        assertThat(Double.parseDouble(browser().field("location.lon").getDomProperty("value"))).isCloseTo(63.00, within(0.01));
        assertThat(Double.parseDouble(browser().field("location.lat").getDomProperty("value"))).isCloseTo(46.05, within(0.01));
        // and exactly, through the accessible fields
        retype(browser().field("location.lon"), "63.00");
        retype(browser().field("location.lat"), "46.05");
        retype(browser().field("releases[0].massKg"), "172000");
        browser().field("vehicle").sendKeys("Proton-M");
        browser().field("launchSite").sendKeys("Baikonur Site 81/24");
        browser().find(By.xpath("//button[normalize-space()='Add a sample']")).click();
        new Select(browser().field("samples[0].substance")).selectByValue("UDMH");
        new Select(browser().field("samples[0].medium")).selectByValue("SOIL");
        browser().field("samples[0].value").sendKeys("123");
        browser().field("samples[0].unit").sendKeys("mg/kg");
        browser().field("samples[0].sampledAt").sendKeys("2013-07-03 10:00");
        browser().field("weather.windFromDeg").sendKeys("225");
        browser().field("weather.windSpeedMs").sendKeys("3.0");
        new Select(browser().field("weather.stability")).selectByValue("D");
        browser().script("window.stillTheSamePage = true");
        submit();

        // the incident's page, then ASSESSED and the zones without a reload
        browser().waiting().until(d -> d.getCurrentUrl().matches(".*#/incidents/[0-9a-f-]{36}$"));
        String id = browser().driver.getCurrentUrl().replaceAll(".*#/incidents/", "");
        browser().waiting().until(ExpectedConditions.textToBe(By.id("incident-title"), title));
        browser().waiting().until(d -> "ASSESSED".equals(d.findElement(By.id("incident-status")).getDomAttribute("data-status")));
        browser().waiting().until(d -> !d.findElements(By.cssSelector("path.hazard-zone")).isEmpty());
        assertThat(browser().find(By.id("incident-status")).getText()).contains("Assessed");
        assertThat(browser().findAll(By.cssSelector(".leaflet-tooltip.zone-label"))).isNotEmpty()
                .allSatisfy(label -> assertThat(label.getText()).contains("UDMH"));
        String settlements = browser().find(By.id("settlements-table")).getText();
        assertThat(settlements).contains("Baikonur").contains("Tyuratam").contains("70,000");
        assertThat(browser().find(By.id("exceedances-table")).getText()).contains("UDMH").contains("×");
        assertThat(browser().find(By.id("hazard-zones-table")).getText()).contains("UDMH");
        assertThat(browser().find(By.cssSelector(".legend")).getText()).contains("AEGL-3").contains("AEGL-2").contains("AEGL-1");
        // the alert notification-service issued for it arrives on the page too
        browser().waiting().until(d -> !d.findElements(By.cssSelector("#alerts-table tbody tr")).isEmpty());
        assertThat(browser().find(By.id("alerts-table")).getText()).contains("Alert").contains("Active");
        assertThat(browser().script("return window.stillTheSamePage === true")).isEqualTo(true);

        JsonNode stored = Http.get(console() + "/api/v1/incidents/" + id);
        assertThat(stored.path("status").asString()).isEqualTo("ASSESSED");
        assertThat(stored.path("releases").get(0).path("massKg").asDouble()).isEqualTo(172000);
        assertThat(stored.path("samples").get(0).path("sampledAt").asString()).isEqualTo("2013-07-03T10:00:00Z");
        assertThat(stored.path("weather").path("stability").asString()).isEqualTo("D");

        browser().script("document.querySelector('.panel').scrollTop = 0");
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.mapIdle")));
        browser().screenshot(Browser.docsImage("console.png"));
    }

    @Test
    void anIncidentIsRevisedUnderItsVersionAndThenRetractedFromItsPage() {
        JsonNode created = Http.post(console() + "/api/v1/incidents", """
                {"title": "Stage fragments near Zhezdy %s", "category": "STAGE_IMPACT",
                 "occurredAt": "2021-05-14T06:10:00Z", "location": {"type": "Point", "coordinates": [67.05, 47.45]},
                 "vehicle": "Proton-M"}""".formatted(UUID.randomUUID()));
        String id = created.path("id").asString();
        openConsole("#/incidents/" + id);
        assertThat(browser().findAll(By.id("revise-button"))).as("offered before signing in").isEmpty();
        signIn(Tokens.user("analyst"));
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("revise-button"))).click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.incident-form")));
        retype(browser().field("vehicle"), "Proton-M (second stage)");
        submit();

        // REVISED, or ASSESSED already if analysis-service was quick
        browser().waiting().until(d -> d.getCurrentUrl().endsWith("#/incidents/" + id)
                && d.findElements(By.cssSelector("#revisions-list li")).size() == 2);
        assertThat(browser().find(By.id("incident-status")).getDomAttribute("data-status")).isIn("REVISED", "ASSESSED");
        assertThat(browser().find(By.id("revisions-list")).getText()).contains("Version 2").contains("Changed: vehicle");

        // someone else saves a revision while this analyst has the form open: nothing is overwritten
        browser().find(By.id("revise-button")).click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.incident-form")));
        Http.put(console() + "/api/v1/incidents/" + id, "\"2\"", """
                {"title": "Stage fragments near Zhezdy (checked)", "category": "STAGE_IMPACT",
                 "occurredAt": "2021-05-14T06:10:00Z", "location": {"type": "Point", "coordinates": [67.05, 47.45]}}""");
        retype(browser().field("title"), "A stale edit");
        submit();
        WebElement summary = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(summary.getText()).contains("Someone changed this incident since you opened it");
        assertThat(Http.get(console() + "/api/v1/incidents/" + id).path("title").asString())
                .isEqualTo("Stage fragments near Zhezdy (checked)");

        // retract, with the reason the dialog asks for; the sign-in holds for the tab
        browser().driver.get(console() + "/#/incidents/" + id);
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("retract-button"))).click();
        WebElement confirm = browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("retract-confirm")));
        confirm.click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("retract-error")));
        assertThat(browser().find(By.id("retract-error")).getText()).contains("required");
        browser().find(By.id("retract-reason")).sendKeys("Duplicate of an earlier report");
        browser().find(By.id("retract-confirm")).click();
        browser().waiting().until(d -> "RETRACTED".equals(d.findElement(By.id("incident-status")).getDomAttribute("data-status")));
        assertThat(browser().findAll(By.id("retract-button"))).isEmpty();
        browser().waiting().until(d -> d.findElement(By.id("revisions-list")).getText().contains("Reason: Duplicate of an earlier report"));
        assertThat(Http.get(console() + "/api/v1/incidents/" + id).path("status").asString()).isEqualTo("RETRACTED");
    }

    @Test
    void aFilteredListShowsNewMatchingIncidentsAsTheyAreReported() {
        openConsole("");
        new Select(browser().find(By.id("filter-category"))).selectByValue("FUEL_SPILL");
        browser().waiting().until(d -> d.findElement(By.id("incident-count")).getText().matches("(?s).*(No incident|incidents?,|Showing).*"));
        browser().script("window.stillTheSamePage = true");

        String spill = "Heptyl spill at a drop site " + UUID.randomUUID();
        String crash = "Launch failure " + UUID.randomUUID();
        Http.post(console() + "/api/v1/incidents", """
                {"title": "%s", "category": "LAUNCH_FAILURE", "occurredAt": "2022-01-01T00:00:00Z",
                 "location": {"type": "Point", "coordinates": [63.3, 45.9]}}""".formatted(crash));
        Http.post(console() + "/api/v1/incidents", """
                {"title": "%s", "category": "FUEL_SPILL", "occurredAt": "2022-01-02T00:00:00Z",
                 "location": {"type": "Point", "coordinates": [66.8, 47.3]},
                 "releases": [{"substance": "UDMH", "massKg": 800}]}""".formatted(spill));

        browser().waiting().until(d -> d.findElement(By.id("incident-list")).getText().contains(spill));
        assertThat(browser().find(By.id("incident-list")).getText()).doesNotContain(crash);
        // its pin is on the map, and keyboard users reach it
        By pin = By.cssSelector(".leaflet-marker-icon[title^='" + spill + "']");
        browser().waiting().until(d -> "0".equals(d.findElement(pin).getDomAttribute("tabindex")));
        // the pin is redrawn when the incident turns ASSESSED: try again on the new one
        browser().waiting().ignoring(ElementNotInteractableException.class).until(d -> {
            d.findElement(pin).sendKeys(Keys.ENTER);
            return true;
        });
        browser().waiting().until(ExpectedConditions.textToBe(By.id("incident-title"), spill));
        assertThat(browser().script("return window.stillTheSamePage === true")).isEqualTo(true);
    }

    private void submit() {
        browser().find(By.cssSelector("form.incident-form button[type=submit]")).click();
    }

    /** The message shown next to the form element of an API field. */
    private String errorOf(String field) {
        return browser().find(By.cssSelector("[data-field='" + field + "'] > .field-error")).getText();
    }

    private static void retype(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }
}
