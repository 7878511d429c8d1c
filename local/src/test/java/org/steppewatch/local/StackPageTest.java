package org.steppewatch.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A page of the running stack in headless Chromium: the stack, the browser session, and opening a page once it is ready. */
@ExtendWith(LocalStack.class)
abstract class StackPageTest {

    static LocalStack.Running stack;
    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @BeforeAll
    static void stack() {
        stack = LocalStack.get();
    }

    Browser browser() {
        return session.browser();
    }

    /** Opens {@code url} and waits until {@code readyScript} (JavaScript) returns true. */
    void open(String url, String readyScript) {
        browser().driver.get(url);
        browser().waiting().until(d -> Boolean.TRUE.equals(browser().script(readyScript)));
    }
}
