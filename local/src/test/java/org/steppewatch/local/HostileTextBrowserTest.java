package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.steppewatch.local.SteppeWatchStack.Service;

/**
 * Markup in what analysts type and in imported reference data shows as text on both pages, and runs nothing:
 * a settlement imported with a hostile name lies next to a reported spill, so the name reaches the
 * assessment, the alert's headline and both pages; a hostile sample unit is refused, and the refusal, which
 * quotes it, is shown literally.
 */
class HostileTextBrowserTest extends ConsoleBrowserTest {

    /** Would set window.__pwned or open an alert dialog if it ever became markup. */
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"'><script>window.__pwned=1</script>";
    /** Short enough for the unit field (40 characters). */
    static final String HOSTILE_UNIT = "<img src=x onerror=alert(1)>";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** In the steppe of Ulytau region, away from the places the other browser tests use. */
    private static final double LON = 68.50;
    private static final double LAT = 49.50;

    private static String settlementName;
    private static String incidentId;
    private static String incidentTitle;

    @BeforeAll
    static void hostileDataInTheStack() {
        settlementName = HOSTILE + " " + RUN;
        Http.postTyped(stack.baseUrl(Service.ANALYSIS) + "/api/v1/settlements/import", "application/geo+json", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "test:hostile-%s",
                  "geometry": {"type": "Point", "coordinates": [%s, %s]},
                  "properties": {"name": %s, "population": 500000}}]}""".formatted(RUN, LON + 0.01, LAT,
                quoted(settlementName)));
        incidentTitle = HOSTILE + " spill " + RUN;
        incidentId = Http.post(stack.baseUrl(Service.INCIDENT) + "/api/v1/incidents", """
                {"title": %s, "category": "FUEL_SPILL", "occurredAt": "2024-09-01T06:00:00Z",
                 "location": {"type": "Point", "coordinates": [%s, %s]},
                 "releases": [{"substance": "UDMH", "massKg": 2000}]}""".formatted(quoted(incidentTitle), LON, LAT))
                .path("id").asString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @AfterEach
    void nothingRan() {
        assertThat(browser().script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser().script("return document.querySelectorAll('img[src=\"x\"], img[onerror]').length"))
                .isEqualTo(0L);
        assertThat(browser().script("return [...document.scripts].filter(s => s.text.includes('__pwned')).length"))
                .isEqualTo(0L);
        assertThatThrownBy(() -> browser().driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theConsoleShowsTheHostileTitleSettlementAndUnitAsText() {
        String console = stack.baseUrl(Service.INCIDENT);
        open(console + "/#/incidents/" + incidentId,
                "return document.body.classList.contains('layers-ready') && document.body.dataset.live === 'open'");
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("assessment-severity")));

        assertThat(browser().find(By.id("incident-title")).getText()).isEqualTo(incidentTitle);
        browser().waiting().until(d -> d.findElement(By.id("settlements-table")).getText().contains(settlementName));

        // a sample stored before units were checked still reaches the map's tooltip only as text
        Object tooltip = browser().script("""
                const ctx = window.steppeWatchConsole.ctx;
                ctx.map.showAssessment({location: {type: 'Point', coordinates: [%s, %s]}, samples: [{substance: 'UDMH',
                  medium: 'SOIL', value: 1, unit: arguments[0], location: {type: 'Point', coordinates: [%s, %s]}}]}, null);
                const layers = [];
                ctx.map.assessmentLayer.eachLayer(l => { if (l.getTooltip()) { l.openTooltip(); layers.push(l); } });
                const el = layers[0].getTooltip().getElement();
                return {text: el.textContent, elements: el.querySelectorAll('*').length};""".formatted(LON, LAT, LON, LAT),
                HOSTILE);
        assertThat(Browser.map(tooltip).get("text")).isEqualTo("Sample: UDMH in Soil, 1 " + HOSTILE);
        assertThat(Browser.map(tooltip).get("elements")).isEqualTo(1L);

        // a revision with the hostile unit, by a signed-in analyst, is refused, and the refusal quotes it literally
        signIn(Tokens.user("analyst"));
        browser().driver.get(console + "/#/incidents/" + incidentId + "/revise");
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.incident-form")));
        browser().find(By.xpath("//button[normalize-space()='Add a sample']")).click();
        new Select(browser().field("samples[0].substance")).selectByValue("UDMH");
        new Select(browser().field("samples[0].medium")).selectByValue("SOIL");
        browser().field("samples[0].value").sendKeys("12");
        browser().field("samples[0].unit").sendKeys(HOSTILE_UNIT);
        browser().find(By.cssSelector("form.incident-form button[type=submit]")).click();
        String error = browser().waiting().until(d -> {
            String text = d.findElement(By.cssSelector("[data-field='samples[0].unit'] > .field-error")).getText();
            return text.isEmpty() ? null : text;
        });
        // the refusal quotes the unit as text and lists what soil samples of UDMH may be written in
        assertThat(error).startsWith("unknown unit '" + HOSTILE_UNIT + "'; for UDMH in SOIL one of ").contains("mg/kg");
        assertThat(browser().find(By.cssSelector(".error-summary")).getText()).contains(HOSTILE_UNIT);
        assertThat(Http.get(console + "/api/v1/incidents/" + incidentId).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void theCommunityPageShowsTheHostileSettlementInTheAlertAsText() {
        String community = stack.baseUrl(Service.NOTIFICATION);
        open(community + "/", "return document.body.classList.contains('ready') && document.body.classList.contains('layers-ready')");

        // a search for markup finds the imported settlement (reference.v1 brought it here) and shows its name as text
        browser().find(By.id("search")).sendKeys(HOSTILE);
        browser().find(By.cssSelector("#search-form button[type=submit]")).click();
        browser().waiting().until(d -> !d.findElement(By.id("search-status")).getText().isEmpty());
        browser().waiting().until(d -> d.findElement(By.id("search-results")).findElements(By.cssSelector("li")).stream()
                .anyMatch(li -> li.getText().contains(settlementName)));
        assertThat(browser().find(By.id("search-results")).findElements(By.cssSelector("li img, li script"))).isEmpty();
        browser().find(By.id("search")).clear();

        // the place next to the spill: its alert names the imported settlement, in the list and the zone's tooltip
        browser().find(By.cssSelector("input[name=mode][value=area]")).click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("area-lon")));
        browser().find(By.id("area-lon")).sendKeys(Double.toString(LON));
        browser().find(By.id("area-lat")).sendKeys(Double.toString(LAT));
        browser().find(By.id("area-radius")).clear();
        browser().find(By.id("area-radius")).sendKeys("20");
        browser().find(By.cssSelector("#area-form button[type=submit]")).click();
        // the map flies to the area first
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.mapIdle")));
        By itsAlert = By.cssSelector("#alerts li.alert[data-incident-id='" + incidentId + "']");
        browser().waiting().until(d -> {
            d.findElement(By.id("alerts-refresh")).click();
            return !d.findElements(itsAlert).isEmpty();
        });
        String alertText = browser().waiting().until(d -> d.findElement(itsAlert).getText());
        assertThat(alertText).contains(settlementName);

        Object tooltips = browser().script("""
                const texts = [];
                window.steppeWatchCommunity.map.eachLayer(l => {
                  const t = l.getTooltip && l.getTooltip();
                  if (t && l.options.pane === 'zones') {
                    // Leaflet appends a node as it is and sets a string as innerHTML
                    const content = t.getContent();
                    texts.push(content instanceof Node ? content.textContent : 'an HTML string: ' + content);
                  }
                });
                return texts.filter(t => t.includes(arguments[0]));""", RUN);
        assertThat((List<?>) tooltips).isNotEmpty().allSatisfy(t -> assertThat(t).asString().endsWith(settlementName));
    }
}
