package org.steppewatch.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The codes substances go by in reports and events (UDMH, N2O4, HG, CS137, …), from one table. */
public final class SubstanceCodes {

    private static final Map<String, String> NAMES = load();

    private SubstanceCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code.toUpperCase(Locale.ROOT));
    }

    public static Optional<String> name(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(NAMES.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Code to English name, in table order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (var in = SubstanceCodes.class.getResourceAsStream("substance-codes.csv");
             var reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int first = line.indexOf(',');
                int last = line.lastIndexOf(',');
                names.put(line.substring(0, first), line.substring(first + 1, last).replace("\"", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
