package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The analyst console in Kazakh and Russian: the switch in the header changes the headings, the navigation and the
 * map's legend at once, marks the page with its language, and the choice outlives a reload.
 */
class ConsoleLanguagesBrowserTest extends ConsoleBrowserTest {

    private void language(String code) {
        browser().find(By.cssSelector(".languages button[data-lang='" + code + "']")).click();
        browser().waiting().until(d -> code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    private String text(By by) {
        return browser().waiting().until(d -> d.findElement(by).getText());
    }

    private void reload() {
        browser().driver.navigate().refresh();
        browser().waiting().until(d -> Boolean.TRUE.equals(browser().script(
                "return document.body.classList.contains('layers-ready') && document.body.dataset.live === 'open'")));
    }

    @Test
    void theConsoleSpeaksKazakhAndRussianAndRemembersTheChoiceAfterAReload() {
        openConsole("");
        // the browser asks for English (en-GB): that is where it starts
        assertThat(browser().find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(text(By.id("list-title"))).isEqualTo("Incidents");

        language("kk");
        browser().waiting().until(d -> d.findElement(By.id("list-title")).getText().equals("Оқиғалар"));
        assertThat(text(By.id("sites-link"))).isEqualTo("Ластанған аумақтар");
        assertThat(text(By.id("facilities-link"))).isEqualTo("Кәсіпорындар");
        assertThat(text(By.cssSelector(".legend summary"))).isEqualTo("Шартты белгілер");
        assertThat(text(By.cssSelector("label[for='filter-category']"))).isEqualTo("Санат");
        assertThat(browser().find(By.cssSelector(".languages button[data-lang='kk']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser().driver.getTitle()).isEqualTo("Steppe Watch — талдаушы консолі");

        reload();
        assertThat(browser().find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("kk");
        browser().waiting().until(d -> d.findElement(By.id("list-title")).getText().equals("Оқиғалар"));
        assertThat(text(By.cssSelector(".legend summary"))).isEqualTo("Шартты белгілер");

        language("ru");
        browser().waiting().until(d -> d.findElement(By.id("list-title")).getText().equals("Инциденты"));
        assertThat(text(By.id("sites-link"))).isEqualTo("Загрязнённые участки");
        assertThat(text(By.id("facilities-link"))).isEqualTo("Предприятия");
        assertThat(text(By.cssSelector(".legend summary"))).isEqualTo("Условные обозначения");
        assertThat(text(By.cssSelector("#filter-status option[value='']"))).isEqualTo("Любой статус");

        reload();
        assertThat(browser().find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");
        browser().waiting().until(d -> d.findElement(By.id("list-title")).getText().equals("Инциденты"));
        assertThat(browser().script("return localStorage.getItem('steppewatch.lang')")).isEqualTo("ru");
    }
}
