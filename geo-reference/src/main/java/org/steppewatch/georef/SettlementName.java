package org.steppewatch.georef;

import java.util.regex.Pattern;

/**
 * One name a settlement is known by, with its language where known.
 *
 * @param name     the name as written (one line)
 * @param language ISO 639-1 code ({@code kk}, {@code ru}, {@code en}, …), or null where the source does not say
 */
public record SettlementName(String name, String language) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public SettlementName {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a settlement name must not be blank");
        }
        name = name.strip();
        if (language != null && language.isBlank()) {
            language = null;
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language '" + language + "' is not an ISO 639 code");
        }
    }

    /** The same name in another spelling of case: Atasu and ATASU are one name. */
    boolean sameText(SettlementName other) {
        return name.equalsIgnoreCase(other.name);
    }
}
