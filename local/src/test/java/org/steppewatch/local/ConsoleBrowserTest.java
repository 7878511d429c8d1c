package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.steppewatch.local.SteppeWatchStack.Service;

/** The analyst console in the browser, and signing in to it through the stack's provider as a person does. */
abstract class ConsoleBrowserTest extends StackPageTest {

    String console() {
        return stack.baseUrl(Service.INCIDENT);
    }

    /** The page is up: its map layers drawn and its event stream open. */
    void openConsole(String fragment) {
        open(console() + "/" + fragment,
                "return document.body.classList.contains('layers-ready') && document.body.dataset.live === 'open'");
    }

    /**
     * From the console's "Sign in" to the provider's form (username, password, submit) and back on the console,
     * on the view it was left from, signed in: the header names the user.
     */
    void signIn(String username, String password) {
        String before = browser().driver.getCurrentUrl();
        browser().waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        browser().waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser().driver.getCurrentUrl()).startsWith(stack.baseUrl(Service.AUTH) + "/login");
        browser().find(By.id("username")).sendKeys(username);
        browser().find(By.id("password")).sendKeys(password);
        browser().find(By.cssSelector("button[type=submit]")).click();
        browser().waiting().until(ExpectedConditions.textToBe(By.id("signed-in-user"), username));
        browser().waiting().until(d -> "open".equals(browser().script("return document.body.dataset.live")));
        // the code and state are gone from the address: only the view's fragment is left
        assertThat(browser().driver.getCurrentUrl()).isEqualTo(before).doesNotContain("code=").doesNotContain("state=");
    }

    void signIn(Tokens.User user) {
        signIn(user.username(), user.password());
    }

    boolean shown(By by) {
        return browser().findAll(by).stream().anyMatch(e -> e.isDisplayed());
    }
}
