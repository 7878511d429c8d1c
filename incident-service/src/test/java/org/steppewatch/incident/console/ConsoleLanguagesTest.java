package org.steppewatch.incident.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.steppewatch.incident.ServiceTestBase;

import tools.jackson.databind.JsonNode;

/**
 * The console's dictionaries (Kazakh, Russian, English) as a browser fetches them, checked against the scripts that
 * use them, and the chart library the site pages load from its WebJar.
 */
class ConsoleLanguagesTest extends ServiceTestBase {

    private static final List<String> SCRIPTS = List.of("account.js", "admin.js", "api.js", "auth.js", "chart.js",
            "console.js", "deliveries.js", "detail.js", "download.js", "drafts.js", "facilities.js", "form.js", "i18n.js",
            "list.js", "map.js", "results.js", "sites.js", "util.js");
    /** t('key' or tn('key' in a script; tn adds the plural form, whose _other every language has. */
    private static final Pattern KEY = Pattern.compile("\\b(tn?)\\('([A-Za-z0-9_.]+)'");
    private static final Pattern CYRILLIC = Pattern.compile("[\\p{IsCyrillic}]");
    /** Letters of Kazakh that Russian does not have. */
    private static final Pattern KAZAKH = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");
    /** Not words: the same in every language. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("locale", "numberLocale", "download.csv", "download.geojson",
            "chart.title");

    private Map<String, String> dictionary(String language) {
        HttpResponse<String> response = get("/i18n/" + language + ".json");
        assertThat(response.statusCode()).as(language).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, String> texts = new LinkedHashMap<>();
        JsonNode json = json(response);
        json.properties().forEach(e -> texts.put(e.getKey(), e.getValue().asString()));
        return texts;
    }

    @Test
    void kazakhAndRussianHaveATextForEveryEnglishOne() {
        Map<String, String> en = dictionary("en");
        for (String language : List.of("kk", "ru")) {
            Map<String, String> other = dictionary(language);
            assertThat(other.keySet()).as(language).containsAll(en.keySet());
        }
        // Russian counts take three forms where English has two
        assertThat(dictionary("ru")).containsKeys("sites.results_one", "sites.results_few", "sites.results_many");
    }

    @Test
    void theKazakhAndRussianTextsAreWrittenInTheirOwnLanguage() {
        Map<String, String> en = dictionary("en");
        Map<String, String> kk = dictionary("kk");
        Map<String, String> ru = dictionary("ru");
        for (Map.Entry<String, String> text : en.entrySet()) {
            if (SAME_EVERYWHERE.contains(text.getKey())) {
                continue;
            }
            assertThat(kk.get(text.getKey())).as("kk " + text.getKey()).isNotEqualTo(text.getValue()).containsPattern(CYRILLIC);
            assertThat(ru.get(text.getKey())).as("ru " + text.getKey()).isNotEqualTo(text.getValue()).containsPattern(CYRILLIC);
        }
        assertThat(kk.get("nav.sites")).isEqualTo("Ластанған аумақтар").containsPattern(KAZAKH);
        assertThat(kk.get("facility.example")).isEqualTo("мысал — нақты есеп емес");
        assertThat(ru.get("facility.example")).isEqualTo("пример — не настоящий отчёт");
        assertThat(ru.get("nav.sites")).doesNotContainPattern(KAZAKH);
        // Kazakh, not Russian with a few words changed: most texts use letters Russian lacks
        long kazakh = kk.values().stream().filter(v -> KAZAKH.matcher(v).find()).count();
        assertThat(kazakh).isGreaterThan(kk.size() * 2 / 3);
    }

    @Test
    void everyTextTheScriptsAskForIsInTheEnglishDictionary() {
        Set<String> asked = new TreeSet<>();
        for (String script : SCRIPTS) {
            Matcher m = KEY.matcher(resource(script));
            while (m.find()) {
                asked.add(m.group(1).equals("tn") ? m.group(2) + "_other" : m.group(2));
            }
        }
        assertThat(asked).hasSizeGreaterThan(300);
        assertThat(dictionary("en").keySet()).containsAll(asked);
    }

    @Test
    void thePageMarksItsTextsForTranslationAndOffersTheThreeLanguages() {
        String page = get("/").body();

        assertThat(page).contains("data-lang=\"kk\"", "data-lang=\"ru\"", "data-lang=\"en\"")
                .contains("data-i18n=\"nav.sites\"", "data-i18n=\"nav.facilities\"");
        Map<String, String> en = dictionary("en");
        Matcher m = Pattern.compile("data-i18n(?:-aria-label|-content)?=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            assertThat(en).containsKey(m.group(1));
        }
    }

    @Test
    void theChartLibraryComesFromItsWebJar() {
        HttpResponse<String> module = get("/webjars/uplot/dist/uPlot.esm.js");
        HttpResponse<String> css = get("/webjars/uplot/dist/uPlot.min.css");

        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.body()).contains("export { uPlot as default }");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".uplot");
    }

    private static String resource(String script) {
        try (InputStream in = ConsoleLanguagesTest.class.getResourceAsStream("/steppewatch/incident-console/" + script)) {
            assertThat(in).as(script).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
