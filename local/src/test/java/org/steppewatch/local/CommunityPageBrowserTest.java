package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.steppewatch.local.SteppeWatchStack.Service;

import tools.jackson.databind.JsonNode;

/**
 * The community page (notification-service at /) in a real headless Chromium against the whole
 * stack: Baikonur's council finds its town by its Russian name, subscribes, keeps the management
 * link and sees the alert for its town; a resident picks an area in Kazakh and cancels again.
 */
class CommunityPageBrowserTest extends StackPageTest {

    private String community() {
        return stack.baseUrl(Service.NOTIFICATION);
    }

    private void openPage(String fragment) {
        open(community() + "/" + fragment,
                "return document.body.classList.contains('ready') && document.body.classList.contains('layers-ready')");
    }

    private void language(String code) {
        browser().find(By.cssSelector(".languages button[data-lang='" + code + "']")).click();
        browser().waiting().until(d -> code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    @Test
    void baikonurFoundByItsRussianNameSubscribesAndSeesTheAlertForTheTown() {
        openPage("");
        language("ru");
        assertThat(browser().find(By.tagName("h1")).getText()).startsWith("Узнавайте");
        assertThat(browser().find(By.cssSelector(".languages button[data-lang='ru']")).getDomAttribute("aria-pressed")).isEqualTo("true");

        browser().find(By.id("search")).sendKeys("Байконур");
        browser().find(By.cssSelector("#search-form button[type=submit]")).click();
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results button[data-id='gn:1521368']")))
                .click();
        assertThat(browser().find(By.id("selected-text")).getText()).contains("Байконур").contains("Кызылординская область");

        String name = "Акимат Байконура " + UUID.randomUUID().toString().substring(0, 6);
        browser().find(By.id("sub-name")).sendKeys(name);
        browser().find(By.cssSelector("input[name=channel][value=webhook]")).click();
        browser().find(By.id("sub-url")).sendKeys("ftp://baikonur.kz/alerts");
        browser().find(By.cssSelector("input[name=severity][value=Moderate]")).click();
        browser().find(By.id("subscribe-button")).click();
        // the API's field error, next to the field
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='channel.url'] > .field-error")));
        assertThat(browser().find(By.cssSelector("[data-field='channel.url'] > .field-error")).getText()).contains("http");
        assertThat(browser().find(By.id("sub-url")).getDomAttribute("aria-invalid")).isEqualTo("true");

        browser().find(By.id("sub-url")).clear();
        browser().find(By.id("sub-url")).sendKeys(stack.webhookUrl("community-baikonur"));
        browser().find(By.id("subscribe-button")).click();
        WebElement link = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("manage-link")));
        String manage = link.getDomProperty("value");
        assertThat(manage).startsWith(community() + "/#manage=").contains("&token=");
        assertThat(browser().find(By.id("subscribed")).getText()).contains("Вы подписаны");
        assertThat(browser().find(By.id("mine")).getText()).contains(name);

        String id = manage.replaceAll(".*manage=([^&]+).*", "$1");
        String token = manage.replaceAll(".*token=", "");
        JsonNode stored = Http.get(community() + "/api/v1/subscriptions/" + id, "X-Manage-Token", token);
        assertThat(stored.path("area").path("settlementId").asString()).isEqualTo("gn:1521368");
        assertThat(stored.path("language").asString()).isEqualTo("ru");
        assertThat(stored.path("minSeverity").asString()).isEqualTo("Moderate");

        // a heptyl leak in the town: whatever the hazard model, its zone covers Baikonur
        String title = "UDMH leak from a rail tank car at Baikonur station";
        String incidentId = Http.post(stack.baseUrl(Service.INCIDENT) + "/api/v1/incidents", """
                {"title": "%s", "category": "FUEL_SPILL", "occurredAt": "2024-08-12T09:30:00Z",
                 "location": {"type": "Point", "coordinates": [63.312, 45.619]},
                 "releases": [{"substance": "UDMH", "massKg": 2000}]}""".formatted(title)).path("id").asString();
        By itsAlert = By.cssSelector("#alerts li.alert[data-incident-id='" + incidentId + "']");
        browser().waiting().until(d -> {
            d.findElement(By.id("alerts-refresh")).click();
            return !d.findElements(itsAlert).isEmpty();
        });
        // the list is redrawn on every check: read it through waits that look again
        String alertText = browser().waiting().until(d -> d.findElement(itsAlert).getText());
        String capLink = browser().waiting().until(d -> d.findElement(itsAlert).findElement(By.cssSelector("a")).getDomAttribute("href"));
        assertThat(alertText).contains("Серьёзность").contains("Отправлено");
        assertThat(capLink).contains("/cap");

        // the same, in Kazakh
        language("kk");
        assertThat(browser().find(By.tagName("h1")).getText()).contains("біліңіз");
        assertThat(browser().find(By.id("selected-text")).getText()).contains("Байқоңыр");
        browser().waiting().until(d -> d.findElement(itsAlert).getText().contains("Қауіптілік деңгейі"));
        browser().script("document.querySelector('.panel').scrollTop = document.getElementById('selected').offsetTop - 16");
        browser().waiting().until(d -> "true".equals(browser().script("return document.body.dataset.mapIdle")));
        browser().screenshot(Browser.docsImage("community.png"));
    }

    @Test
    void anAreaPickedOnTheMapIsSubscribedInKazakhAndCancelledThroughTheManagementLink() {
        openPage("");
        language("kk");
        browser().find(By.cssSelector("input[name=mode][value=area]")).click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("area-lon")));
        browser().find(By.id("area-lon")).sendKeys("66.8");
        browser().find(By.id("area-lat")).sendKeys("47.3");
        browser().find(By.id("area-radius")).clear();
        browser().find(By.id("area-radius")).sendKeys("40");
        browser().find(By.cssSelector("#area-form button[type=submit]")).click();
        assertThat(browser().find(By.id("selected-text")).getText()).contains("40 км");

        browser().find(By.id("sub-name")).sendKeys("Жезді ауылы " + UUID.randomUUID().toString().substring(0, 6));
        browser().find(By.cssSelector("input[name=channel][value=webhook]")).click();
        browser().find(By.id("sub-url")).sendKeys(stack.webhookUrl("community-zhezdy"));
        browser().find(By.id("subscribe-button")).click();
        String manage = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("manage-link")))
                .getDomProperty("value");
        assertThat(browser().find(By.id("subscribed")).getText()).contains("Сіз жазылдыңыз");
        String id = manage.replaceAll(".*manage=([^&]+).*", "$1");
        String token = manage.replaceAll(".*token=", "");
        JsonNode stored = Http.get(community() + "/api/v1/subscriptions/" + id, "X-Manage-Token", token);
        assertThat(stored.path("language").asString()).isEqualTo("kk");
        assertThat(stored.path("area").path("radiusKm").asDouble()).isEqualTo(40);

        // the management link opens the subscription, here to cancel it
        browser().driver.get(manage);
        WebElement box = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("manage")));
        browser().waiting().until(d -> d.findElement(By.id("manage")).getText().contains("Сіздің жазылымыңыз")
                && !d.findElements(By.cssSelector("#manage button")).isEmpty());
        box.findElement(By.cssSelector("button")).click();
        browser().waiting().until(d -> d.findElement(By.id("mine")).getText().contains("Жазылым тоқтатылды"));
        assertThat(Http.status(community() + "/api/v1/subscriptions/" + id, "X-Manage-Token", token)).isIn(404, 410);
    }
}
