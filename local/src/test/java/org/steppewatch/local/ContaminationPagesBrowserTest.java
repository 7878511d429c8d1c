package org.steppewatch.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.steppewatch.local.SteppeWatchStack.Service;

import tools.jackson.databind.JsonNode;

/**
 * The console's contamination pages in Chromium against the whole stack: a site's page draws its series with the
 * limits as labelled lines and the non-detect as such; the facilities map filtered to the EU thresholds shows only
 * the facilities above them, the example labelled as one; a list downloaded as CSV opens and parses.
 */
class ContaminationPagesBrowserTest extends ConsoleBrowserTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String SITE_ID = "KZ-HG-TEST" + RUN;
    /** The SCHEER proposal for mercury in surface water (limit_values.csv: 0.07 µg/L MAC-QS, 0.047 µg/L AA-QS). */
    private static final String REGIME = "EU_WFD_EQS_PROPOSED";
    private static final String ABOVE = "Test smelter above the threshold " + RUN;
    private static final String BELOW = "Test boiler house below the threshold " + RUN;

    private static JsonNode series;

    @BeforeAll
    static void aSiteWithAMercurySeriesAndTwoFacilities() {
        String incident = stack.baseUrl(Service.INCIDENT);
        Http.post(incident + "/api/v1/sites", """
                {"id": "%s", "name": {"en": "Test reach of the Nura %s", "ru": "Тестовый участок Нуры %s",
                  "kk": "Нұраның сынақ учаскесі %s"},
                 "location": {"type": "Point", "coordinates": [72.96, 50.06]}, "coordinateConfidence": "medium",
                 "region": "Karaganda Region", "pollutants": ["HG"], "media": ["water"], "status": "monitored",
                 "description": "A site the browser tests create."}""".formatted(SITE_ID, RUN, RUN, RUN));
        // 0.12 µg/L is above both proposed limits, 0.02 below both; one non-detect with its detection limit
        result("2019-06-01", "0.12", true, null);
        result("2020-06-01", "0.05", true, null);
        result("2021-06-01", "null", false, "0.01");
        result("2022-06-01", "0.02", true, null);
        String url = incident + "/api/v1/sites/" + SITE_ID + "/series?substance=HG&medium=water";
        series = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> Http.get(url),
                s -> s.path("results").size() == 4 && !s.path("limits").isEmpty()
                        && stream(s.path("results")).allMatch(r -> r.path("judged").asBoolean()));

        facility(ABOVE, true, 35.0);
        facility(BELOW, false, 2.0);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> Http.get(incident + "/api/v1/facilities?size=200"),
                page -> stream(page.path("items")).filter(f -> f.path("name").asString().endsWith(RUN))
                        .flatMap(f -> stream(f.path("releases"))).filter(r -> r.path("judged").asBoolean()).count() == 2);
    }

    private static void result(String sampledOn, String value, boolean detected, String detectionLimit) {
        Http.post(stack.baseUrl(Service.INCIDENT) + "/api/v1/results", """
                {"siteId": "%s", "substance": "HG", "medium": "water", "value": %s, "detected": %s,
                 "detectionLimit": %s, "unit": "ug/L", "sampledOn": "%s", "laboratory": "Test laboratory",
                 "method": "CV-AFS"}""".formatted(SITE_ID, value, detected, detectionLimit, sampledOn));
    }

    private static void facility(String name, boolean example, double amountKg) {
        Http.post(stack.baseUrl(Service.INCIDENT) + "/api/v1/facilities", """
                {"name": "%s", "operator": "Test operator", "activity": "Non-ferrous metals",
                 "location": {"type": "Point", "coordinates": [%s, 49.8]}, "example": %s, "source": "browser test",
                 "releases": [{"year": 2023, "pollutant": "HG", "medium": "air", "amountKg": %s, "method": "E"}]}"""
                .formatted(name, example ? "73.1" : "73.3", example, amountKg));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    @Test
    void aSitePageDrawsItsSeriesWithTheLimitLinesAndTheNonDetect() {
        openConsole("#/sites/" + SITE_ID);
        browser().waiting().until(d -> SITE_ID.equals(browser().script("return document.body.dataset.siteReady")));
        assertThat(browser().find(By.id("site-title")).getText()).isEqualTo("Test reach of the Nura " + RUN);

        WebElement section = browser().find(By.cssSelector("section.series[data-substance='HG'][data-medium='water']"));
        WebElement canvas = section.findElement(By.cssSelector(".chart canvas"));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        String legend = section.findElement(By.cssSelector(".u-legend")).getText();
        assertThat(legend).contains("measured").contains("not detected (< DL)").contains(REGIME + " limit");
        assertThat(section.findElements(By.cssSelector(".limit-label[data-regime='" + REGIME + "']"))).isNotEmpty();

        // each limit of the series is a line on the canvas at its height, in its colour; limits of equal value (EU's
        // 1 µg/L and WHO's 0.001 mg/L for mercury in drinking water) share one line, in the order they first come
        List<Double> values = new ArrayList<>();
        series.path("limits").forEach(l -> {
            double x = l.path("limit").asDouble();
            if (values.stream().noneMatch(v -> Math.abs(v - x) <= 1e-9 * Math.abs(x))) {
                values.add(x);
            }
        });
        for (int i = 0; i < values.size(); i++) {
            double limit = values.get(i);
            Map<String, Object> found = Browser.map(browser().script("""
                    const chart = window.steppeWatchConsole.ctx.charts[0];
                    const series = chart.series[3 + arguments[1]];
                    const stroke = series.stroke();
                    const want = [1, 3, 5].map(i => parseInt(stroke.slice(i, i + 2), 16));
                    const y = Math.round(chart.valToPos(arguments[0], 'y', true));
                    let coloured = 0;
                    for (let x = chart.bbox.left; x < chart.bbox.left + chart.bbox.width; x += 4) {
                      for (let dy = -2; dy <= 2; dy++) {
                        const [r, g, b] = chart.ctx.getImageData(x, y + dy, 1, 1).data;
                        // the line's colour over white at a third of a pixel's coverage or more (lines are antialiased)
                        const cover = [r, g, b].map((c, k) => (255 - c) / (255 - want[k]));
                        if (Math.min(...cover) > 0.33 && Math.max(...cover) - Math.min(...cover) < 0.15) { coloured++; break; }
                      }
                    }
                    return {coloured, label: series.label};""", limit, i));
            assertThat(((Number) found.get("coloured")).intValue()).as("pixels of limit line %s", found.get("label"))
                    .isGreaterThan(20);
        }

        // the non-detect is an open ring at its detection limit, and the table says what it is
        double detectionLimit = Map.of("ug/L", 0.01, "µg/L", 0.01, "mg/L", 0.00001).get(series.path("unit").asString());
        assertThat(browser().script("""
                const chart = window.steppeWatchConsole.ctx.charts[0];
                return chart.data[2].filter(v => v !== null);""")).asList().containsExactly(detectionLimit);
        List<WebElement> rows = section.findElements(By.cssSelector(".results-table tbody tr"));
        assertThat(rows).hasSize(4);
        assertThat(section.findElement(By.cssSelector(".results-table tr[data-detected='false']")).getText())
                // the unit as the result service writes it back: ug/L as entered, or µg/L
                .containsPattern("not detected \\(< 0\\.01 [uµ]g/L\\)");
        assertThat(section.findElement(By.cssSelector(".results-table")).getText()).contains(REGIME).contains("×");
        // four results are too few for a trend: the page says why, with its n
        assertThat(section.findElement(By.cssSelector(".trend")).getDomAttribute("data-shown")).isEqualTo("false");
        assertThat(section.findElement(By.cssSelector(".trend")).getText()).contains("No trend is stated").contains("n = ");

        browser().script("document.querySelector('.panel').scrollTop = document.querySelector('section.series').offsetTop - 80");
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.mapIdle")));
        browser().screenshot(Browser.docsImage("site-page.png"));
    }

    @Test
    void theFacilitiesMapFilteredToTheThresholdsShowsOnlyThoseAboveThem() {
        openConsole("#/facilities");
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.facilitiesReady")));
        browser().waiting().until(d -> !d.findElements(By.cssSelector("#filter-pollutant option[value='HG']")).isEmpty());
        new Select(browser().find(By.id("filter-pollutant"))).selectByValue("HG");
        awaitList();
        new Select(browser().find(By.id("filter-year"))).selectByValue("2023");
        awaitList();
        assertThat(browser().find(By.id("filter-above")).isSelected()).isTrue();

        JsonNode above = Http.get(console() + "/api/v1/facilities?aboveThreshold=true&pollutant=HG&year=2023&size=200");
        List<WebElement> markers = browser().findAll(By.cssSelector("path.facility-marker"));
        assertThat(markers).hasSize(above.path("items").size())
                .allSatisfy(m -> assertThat(m.getDomAttribute("class")).contains("above-threshold"));
        String list = browser().find(By.id("facility-list")).getText();
        assertThat(list).contains(ABOVE).doesNotContain(BELOW);
        WebElement item = browser().find(By.xpath("//li[contains(@class,'facility')][.//strong[text()='" + ABOVE + "']]"));
        assertThat(item.getText()).contains("example — not a real report").contains("3.5× its threshold");

        item.findElement(By.cssSelector("button")).click();
        WebElement popup = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".facility-popup")));
        assertThat(popup.getText()).contains(ABOVE).contains("example — not a real report").contains("35 kg")
                .contains("10 kg").contains("3.5×");
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.mapIdle")));
        browser().screenshot(Browser.docsImage("facilities-map.png"));

        // without the filter the one below its threshold is there too, drawn apart
        browser().find(By.id("filter-above")).click();
        awaitList();
        assertThat(browser().find(By.id("facility-list")).getText()).contains(ABOVE).contains(BELOW);
        assertThat(browser().findAll(By.cssSelector("path.facility-marker:not(.above-threshold)"))).isNotEmpty();
    }

    @Test
    void theSitesListDownloadedAsCsvOpensAndParses() throws IOException {
        Path downloads = Files.createTempDirectory("steppewatch-downloads-");
        browser().driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));
        openConsole("#/sites");
        browser().waiting().until(d -> d.findElement(By.id("site-list")).getText().contains(SITE_ID));

        browser().find(By.cssSelector("#panel .downloads button[data-format='csv']")).click();
        Path file = await().atMost(Duration.ofSeconds(30)).until(() -> completed(downloads), f -> f != null);
        assertThat(file.getFileName().toString()).startsWith("sites-").endsWith(".csv");

        String text = Files.readString(file, UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(new StringReader(text)).getRecords();
        // the header: the first row of several columns (a licence line may come before it)
        CSVRecord header = records.stream().filter(r -> r.size() > 2).findFirst().orElseThrow();
        CSVRecord site = records.stream().filter(r -> r.toList().contains(SITE_ID)).findFirst().orElseThrow();
        // the site's row has the header's columns: the file is a table, not text that happens to contain commas
        assertThat(site.size()).isEqualTo(header.size());
        assertThat(site.getRecordNumber()).isGreaterThan(header.getRecordNumber());
    }

    private void awaitList() {
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.facilitiesReady")));
    }

    private static Path completed(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
