package org.steppewatch.web.opendata;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** A column's value as plain data, the same in CSV and in GeoJSON properties. */
final class Cells {

    private Cells() {
    }

    /**
     * null, a Boolean, a Number (finite) or a String: a date as ISO 8601, an enum as in JSON, a list joined by ";".
     */
    static Object plain(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : f;
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return enumText(e);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Cells::plain).map(v -> v == null ? "" : text(v)).collect(Collectors.joining(";"));
        }
        // Instant, LocalDate, ... print as ISO 8601 already
        return value instanceof TemporalAccessor ? value.toString() : String.valueOf(value);
    }

    /** As JSON shows it: by its {@code @JsonValue} method if it has one (e.g. Severity's "Extreme"), else by name. */
    private static String enumText(Enum<?> e) {
        Method method = JSON_VALUE.get(e.getDeclaringClass());
        if (method == null) {
            return e.name();
        }
        try {
            return String.valueOf(method.invoke(e));
        } catch (ReflectiveOperationException ex) {
            return e.name();
        }
    }

    private static final ClassValue<Method> JSON_VALUE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method m : type.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && m.isAnnotationPresent(JsonValue.class)
                        && m.getAnnotation(JsonValue.class).value() && m.trySetAccessible()) {
                    return m;
                }
            }
            return null;
        }
    };

    /** A plain value as CSV cell text: numbers without exponent or trailing zeros (1.0E-4 reads as 0.0001). */
    static String text(Object plain) {
        if (plain instanceof Double || plain instanceof Float) {
            return new BigDecimal(plain.toString()).stripTrailingZeros().toPlainString();
        }
        if (plain instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(plain);
    }
}
