package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * What the console offers follows who is signed in: the public reads everything and is offered no write, an analyst
 * reports but approves nothing, an admin manages the provider's users and clients, and a user added there signs in.
 */
class ConsoleRolesBrowserTest extends ConsoleBrowserTest {

    private String anIncident(String title) {
        JsonNode created = Http.post(console() + "/api/v1/incidents", """
                {"title": "%s", "category": "STAGE_IMPACT", "occurredAt": "2020-06-11T04:00:00Z",
                 "location": {"type": "Point", "coordinates": [66.9, 47.6]}, "vehicle": "Soyuz-2.1b"}""".formatted(title));
        return created.path("id").asString();
    }

    @Test
    void anAnonymousVisitorReadsTheIncidentsAndIsOfferedNoWrite() {
        String title = "Second stage fragments near Karazhal " + UUID.randomUUID();
        String id = anIncident(title);

        openConsole("");
        browser().waiting().until(d -> d.findElement(By.id("incident-list")).getText().contains(title));
        assertThat(shown(By.id("report-link"))).isFalse();
        assertThat(shown(By.id("drafts-link"))).isFalse();
        assertThat(shown(By.id("admin-link"))).isFalse();
        assertThat(shown(By.id("sign-in"))).isTrue();

        browser().driver.get(console() + "/#/incidents/" + id);
        browser().waiting().until(ExpectedConditions.textToBe(By.id("incident-title"), title));
        browser().waiting().until(d -> !d.findElements(By.id("revisions-list")).isEmpty());
        assertThat(browser().findAll(By.id("revise-button"))).isEmpty();
        assertThat(browser().findAll(By.id("retract-button"))).isEmpty();

        // a typed address is no way round: the form is not offered, the reason and the way to sign in are
        browser().driver.get(console() + "/#/report");
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("not-allowed")));
        assertThat(browser().findAll(By.cssSelector("form.incident-form"))).isEmpty();
        assertThat(browser().find(By.id("panel")).getText()).contains("analyst or issuer");
        assertThat(shown(By.id("sign-in-here"))).isTrue();
    }

    @Test
    void anAnalystReportsButIsOfferedNoApprovalNorAdministration() {
        Tokens.User analyst = Tokens.user("analyst");
        String title = "Heptyl smell reported at Zhezkazgan " + UUID.randomUUID();
        String id = anIncident(title);

        openConsole("#/incidents/" + id);
        signIn(analyst);
        assertThat(browser().find(By.id("signed-in-roles")).getText()).isEqualTo("Analyst");
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("revise-button")));
        assertThat(shown(By.id("retract-button"))).isTrue();
        assertThat(shown(By.id("report-link"))).isTrue();
        assertThat(shown(By.id("drafts-link"))).isFalse();
        assertThat(shown(By.id("admin-link"))).isFalse();

        browser().driver.get(console() + "/#/drafts");
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("not-allowed")));
        assertThat(browser().findAll(By.cssSelector("button.approve"))).isEmpty();
        assertThat(browser().find(By.id("panel")).getText()).contains("issuer").contains(analyst.username());
    }

    @Test
    void anAdminAddsAUserWhoThenSignsInWithTheRolesGranted() {
        openConsole("");
        signIn("admin", LocalStack.ADMIN_PASSWORD);
        assertThat(browser().find(By.id("signed-in-roles")).getText()).contains("Admin").contains("Analyst").contains("Issuer");
        assertThat(shown(By.id("drafts-link"))).isTrue();

        // every role: the drafts come from notification-service, another origin, with the admin's token
        browser().find(By.id("drafts-link")).click();
        browser().waiting().until(d -> !d.findElement(By.id("draft-count")).getText().startsWith("Loading"));
        assertThat(browser().find(By.id("draft-count")).getText())
                .matches("No draft awaits approval\\.|\\d+ drafts? awaiting approval\\.");

        browser().find(By.id("admin-link")).click();
        browser().waiting().until(d -> d.findElement(By.id("users-table")).getText().contains("admin"));
        assertThat(browser().find(By.id("clients-table")).getText()).contains("steppewatch-cli").contains("steppewatch-console");

        String username = "dana-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "wind-from-225-" + UUID.randomUUID();
        browser().find(By.id("new-username")).sendKeys(username);
        browser().find(By.id("new-password")).sendKeys(password);
        WebElement form = browser().find(By.id("new-user-form"));
        form.findElement(By.cssSelector("input[value=issuer]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser().waiting().until(d -> d.findElement(By.id("users-table")).getText().contains(username));
        assertThat(browser().find(By.id("new-user-message")).getText()).contains(username + " can now sign in");

        // a client for a script: its secret is shown once, and it gets a token with it
        String clientId = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        browser().find(By.id("new-client-id")).sendKeys(clientId);
        browser().find(By.id("new-client-form")).findElement(By.cssSelector("input[value=analyst]")).click();
        browser().find(By.id("new-client-form")).findElement(By.cssSelector("button[type=submit]")).click();
        String secret = browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("client-secret-value"))).getText();
        assertThat(Tokens.clientCredentials(clientId, secret)).isNotBlank();
        assertThat(browser().find(By.cssSelector("#clients-table tr[data-client-id='" + clientId + "']")).getText())
                .doesNotContain(secret);

        // signing out ends the provider's session too: the next sign-in asks for a password again
        browser().find(By.id("sign-out")).click();
        browser().waiting().until(d -> d.getCurrentUrl().startsWith(console()) && !d.findElements(By.id("sign-in")).isEmpty());
        assertThat(browser().script("return sessionStorage.length")).isEqualTo(0L);
        signIn(username, password);
        assertThat(browser().find(By.id("signed-in-roles")).getText()).contains("Analyst").contains("Issuer").doesNotContain("Admin");
        assertThat(shown(By.id("admin-link"))).isFalse();
        assertThat(shown(By.id("drafts-link"))).isTrue();
    }

    @Test
    void aRefusedTokenAsksToSignInAgainAndChangesNothing() {
        String title = "Fragments at a drop site " + UUID.randomUUID();
        String id = anIncident(title);
        openConsole("#/incidents/" + id);
        signIn(Tokens.user("analyst"));

        // as after a key rotation: the token the page holds is no longer accepted
        browser().script("""
                const key = 'steppewatch.console.session';
                const session = JSON.parse(sessionStorage.getItem(key));
                window.steppeWatchConsole.ctx.auth.session.accessToken = session.accessToken.slice(0, -4) + 'AAAA';""");
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("retract-button"))).click();
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("retract-reason"))).sendKeys("Test");
        browser().find(By.id("retract-confirm")).click();

        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("retract-error")));
        assertThat(browser().find(By.id("retract-error")).getText()).contains("sign in again");
        assertThat(shown(By.id("sign-in-again"))).isTrue();
        assertThat(Http.get(console() + "/api/v1/incidents/" + id).path("status").asString()).isNotEqualTo("RETRACTED");
    }
}
