package org.steppewatch.notification.subscription;

import java.time.Instant;

import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.steppewatch.contracts.Severity;

/**
 * A community's subscription as stored. {@code area} is the shape the subscriber sent,
 * {@code geometry} the polygon or point it is matched with.
 */
public record Subscription(String id, String name, Document area, Geometry geometry, String channelType,
                           String url, String secret, String language, Severity minSeverity, boolean active,
                           Instant createdAt, String manageTokenHash) {

    public static final String WEBHOOK = "webhook";
}
