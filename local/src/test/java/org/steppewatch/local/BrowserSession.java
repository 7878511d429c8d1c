package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh headless Chromium for each test. Afterwards it keeps a screenshot of what the page
 * looked like (for whoever reads a failure) and fails the test on any script error in the page.
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private Browser browser;

    Browser browser() {
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser = Browser.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser open = browser;
        browser = null;
        if (open == null) {
            return;
        }
        open.screenshot(Path.of("target", "browser", context.getRequiredTestMethod().getName() + ".png"));
        List<String> errors = open.scriptErrors();
        open.close();
        assertThat(errors).as("script errors in the page").isEmpty();
    }
}
