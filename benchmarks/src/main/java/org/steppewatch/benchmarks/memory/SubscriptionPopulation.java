package org.steppewatch.benchmarks.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.Geodesy;
import org.steppewatch.georef.Settlement;
import org.steppewatch.georef.SettlementCatalog;
import org.steppewatch.notification.subscription.Subscription;

/**
 * Active subscriptions as the notification service's index holds them: each written as the document
 * {@code SubscriptionStore} stores and read back the way it reads one (decoded from BSON by the driver's codec), so
 * every subscription has its own strings, documents and geometry, as after a load from MongoDB. The geometry is
 * parsed from its GeoJSON by {@code GeoJsonModule.read} as the store does (not copied: the reader gives every
 * geometry whose GeoJSON names a CRS a GeometryFactory of its own, which a copy would share). The webhook secret and the derived tokens are random strings of the same form and length as the
 * opened secret and the derived tokens (their bytes in memory are the same; the encryption would only cost time).
 * <p>
 * The three area shapes of the contract: a settlement of the shipped catalogue (matched as its point), a circle of
 * 5-50 km (matched as a 64-segment geodesic polygon, as {@code Area.CircleArea}), or a drawn polygon of 8-40
 * vertices and 3-20 km across. Circles and polygons are drawn from a pool of {@value #SHAPES} each and parsed anew
 * for every subscription (same bytes as distinct ones, without computing a million geodesic circles).
 * {@link Mix#MIXED}: 60 % settlements, 30 % circles, 10 % polygons; 70 % webhooks, 30 % e-mail; a fifth also want
 * notices.
 */
final class SubscriptionPopulation {

    enum Mix { MIXED, SETTLEMENT, CIRCLE, POLYGON }

    private static final int CIRCLE_SEGMENTS = 64;
    private static final int SHAPES = 1_000;
    private static final String[] LANGUAGES = {"kk", "ru", "en"};
    private static final Severity[] SEVERITIES = {Severity.MINOR, Severity.MODERATE, Severity.SEVERE};

    private final List<Settlement> settlements = SettlementCatalog.shipped().all();
    private final DocumentCodec codec = new DocumentCodec();
    private final Random random = new Random(42);
    private final List<Shape> circles = new ArrayList<>();
    private final List<Shape> polygons = new ArrayList<>();

    /** An area as stored and the GeoJSON of the geometry it is matched with. */
    private record Shape(Document area, String geometry) {
    }

    SubscriptionPopulation() {
        for (int i = 0; i < SHAPES; i++) {
            Point centre = jitter(settlements.get(random.nextInt(settlements.size())), 0.2);
            double radiusKm = 5 + random.nextDouble() * 45;
            circles.add(new Shape(new Document("point", Document.parse(GeoJsonModule.write(centre))).append("radiusKm", radiusKm),
                    GeoJsonModule.write(Geodesy.circle(centre, radiusKm, CIRCLE_SEGMENTS))));
            String polygon = GeoJsonModule.write(drawnPolygon(jitter(settlements.get(random.nextInt(settlements.size())), 0.2)));
            polygons.add(new Shape(Document.parse(polygon), polygon));
        }
    }

    List<Subscription> make(int count, Mix mix) {
        List<Subscription> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Mix shape = shape(mix);
            Settlement near = settlements.get(random.nextInt(settlements.size()));
            Shape area = switch (shape) {
                case SETTLEMENT -> new Shape(new Document("settlementId", near.id()), GeoJsonModule.write(near.point()));
                case CIRCLE -> circles.get(random.nextInt(SHAPES));
                default -> polygons.get(random.nextInt(SHAPES));
            };
            all.add(read(stored(i, near, area.area()), GeoJsonModule.read(area.geometry())));
        }
        return all;
    }

    private Mix shape(Mix mix) {
        if (mix != Mix.MIXED) {
            return mix;
        }
        double r = random.nextDouble();
        return r < 0.6 ? Mix.SETTLEMENT : r < 0.9 ? Mix.CIRCLE : Mix.POLYGON;
    }

    /** The document {@code SubscriptionStore} writes, encoded to BSON and decoded again as the driver hands it back. */
    private Document stored(int n, Settlement near, Document area) {
        String id = UUID.randomUUID().toString();
        boolean email = random.nextDouble() < 0.3;
        List<String> kinds = random.nextDouble() < 0.2 ? List.of(Subscription.ALERT, Subscription.NOTICE) : List.of(Subscription.ALERT);
        Date created = Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n));
        Document document = new Document("_id", id)
                .append("name", "Emergency desk of " + near.name() + " #" + n)
                .append("area", area)
                .append("channel", new Document("type", email ? Subscription.EMAIL : Subscription.WEBHOOK)
                        .append("url", email ? null : "https://alerts.example-akimat-" + n + ".kz/steppe-watch/webhook")
                        // the opened secret: 32 random bytes in base64, as a subscriber sends it
                        .append("secret", email ? null : Base64.getEncoder().encodeToString(randomBytes(32)))
                        .append("address", email ? "desk-" + n + "@akimat.example.kz" : null))
                .append("language", LANGUAGES[random.nextInt(LANGUAGES.length)])
                .append("minSeverity", SEVERITIES[random.nextInt(SEVERITIES.length)].cap())
                .append("kinds", kinds)
                .append("state", Subscription.ACTIVE)
                .append("createdAt", created)
                // hex SHA-256, as SecretBox.hash
                .append("manageTokenHash", HexFormat.of().formatHex(randomBytes(32)));
        BsonDocument bson = document.toBsonDocument();
        return codec.decode(bson.asBsonReader(), DecoderContext.builder().build());
    }

    /** What {@code SubscriptionStore.read} makes of a document, with the geometry it parses from the document's GeoJSON. */
    private Subscription read(Document d, Geometry geometry) {
        String id = d.getString("_id");
        Document channel = d.get("channel", Document.class);
        String secret = channel.getString("secret");
        boolean email = Subscription.EMAIL.equals(channel.getString("type"));
        return new Subscription(id, d.getString("name"), d.get("area", Document.class),
                geometry, channel.getString("type"),
                channel.getString("url"), secret,
                channel.getString("address"), d.getString("language"), Severity.fromCap(d.getString("minSeverity")),
                d.getString("state"), d.getDate("createdAt").toInstant(), d.getString("manageTokenHash"),
                token(), email ? token() : null,
                d.getList("kinds", String.class));
    }

    private Point jitter(Settlement s, double degrees) {
        return Geo.point(s.lon() + (random.nextDouble() - 0.5) * degrees, s.lat() + (random.nextDouble() - 0.5) * degrees);
    }

    /** A hand-drawn outline: 8-40 vertices at irregular distances (1.5-10 km) around a centre, in order of bearing. */
    private Geometry drawnPolygon(Point centre) {
        int vertices = 8 + random.nextInt(33);
        double reachKm = 1.5 + random.nextDouble() * 8.5;
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double bearing = 360.0 * i / vertices;
            ring[i] = Geodesy.destination(centre, bearing, reachKm * (0.6 + 0.4 * random.nextDouble()));
        }
        ring[vertices] = ring[0].copy();
        return Geo.FACTORY.createPolygon(ring);
    }

    /** A derived token's form: base64url of 256 bits, as SecretBox.token. */
    private String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
