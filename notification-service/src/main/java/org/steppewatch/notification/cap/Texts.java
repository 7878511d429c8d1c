package org.steppewatch.notification.cap;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every word a person reads (CAP texts, e-mails, pages) comes from the message bundles
 * {@code org/steppewatch/notification/cap/messages_{kk,ru,en}.properties} (UTF-8; Kazakh in
 * Cyrillic), never from code. Patterns are {@link MessageFormat}s taking already formatted strings.
 */
public final class Texts {

    /** The languages of the service, in the order CAP {@code <info>} blocks are written. */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final String BASE = "org.steppewatch.notification.cap.messages";

    private final Map<String, ResourceBundle> bundles;

    private Texts() {
        // no fallback to the JVM's default locale: each language has its own complete file
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        bundles = LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                language -> ResourceBundle.getBundle(BASE, Locale.forLanguageTag(language), control)));
    }

    private static final Texts SHIPPED = new Texts();

    /** Immutable and shared: the bundles are read once. */
    public static Texts shipped() {
        return SHIPPED;
    }

    /** @throws MissingResourceException when the key is missing in that language: a bug the bundle test catches */
    public String text(String language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** The text for {@code key}, or empty when the bundle has none (e.g. a substance code without a name). */
    public Optional<String> optional(String language, String key, Object... args) {
        return bundle(language).containsKey(key) ? Optional.of(text(language, key, args)) : Optional.empty();
    }

    public java.util.Set<String> keys(String language) {
        return bundle(language).keySet();
    }

    private ResourceBundle bundle(String language) {
        ResourceBundle bundle = bundles.get(language);
        if (bundle == null) {
            throw new IllegalArgumentException("no texts in language '" + language + "', only " + LANGUAGES);
        }
        return bundle;
    }
}
