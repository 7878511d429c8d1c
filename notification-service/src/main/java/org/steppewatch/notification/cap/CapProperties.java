package org.steppewatch.notification.cap;

import java.time.Duration;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How CAP messages are stamped.
 *
 * @param sender           the CAP {@code sender}: globally unique, no spaces, commas or {@code <&}
 * @param zoneOffset       the offset of every CAP date-time (Kazakhstan keeps one time zone, UTC+05:00, since March 2024)
 * @param expiresAfter     how long after {@code sent} an alert (and a cancellation) stays in force
 * @param maxPolygonPoints the most points one CAP polygon may have; zones are simplified down to it
 */
@ConfigurationProperties("steppewatch.cap")
public record CapProperties(String sender, ZoneOffset zoneOffset, Duration expiresAfter, Integer maxPolygonPoints) {

    public CapProperties {
        sender = sender == null || sender.isBlank() ? "alerts@steppewatch.example" : sender.strip();
        zoneOffset = zoneOffset == null ? ZoneOffset.ofHours(5) : zoneOffset;
        expiresAfter = expiresAfter == null ? Duration.ofHours(24) : expiresAfter;
        maxPolygonPoints = maxPolygonPoints == null ? 100 : maxPolygonPoints;
        if (sender.matches(".*[\\s,<&].*")) {
            throw new IllegalArgumentException("steppewatch.cap.sender must not contain spaces, commas, < or &");
        }
        if (maxPolygonPoints < 4) {
            throw new IllegalArgumentException("steppewatch.cap.max-polygon-points must be at least 4 (a closed triangle)");
        }
    }
}
