package org.steppewatch.incident.site;

import java.util.List;
import java.util.Locale;

/**
 * The media a site or a new result may name, lower case as in the limit table and the contamination events: those
 * incident-service knows the units of (its {@code sample-units.csv}). Seeded rows may name others (human hair,
 * building material): they are kept as published, not checked.
 */
public final class Media {

    public static final List<String> CODES = List.of("soil", "sediment", "water", "groundwater", "drinking_water",
            "snow", "air", "vegetation", "fish", "milk", "meat", "food");

    private Media() {
    }

    /** The medium as stored (lower case, trimmed), or null when it is not one of {@link #CODES}. */
    public static String code(String written) {
        if (written == null) {
            return null;
        }
        String code = written.strip().toLowerCase(Locale.ROOT);
        return CODES.contains(code) ? code : null;
    }

    public static String known() {
        return String.join(", ", CODES);
    }
}
