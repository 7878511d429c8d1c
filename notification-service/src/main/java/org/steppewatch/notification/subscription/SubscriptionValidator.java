package org.steppewatch.notification.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.GeometryChecks;
import org.steppewatch.contracts.Severity;
import org.steppewatch.georef.Settlement;
import org.steppewatch.notification.egress.WebhookTargets;
import org.steppewatch.notification.reference.CurrentSettlements;
import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

import tools.jackson.databind.JsonNode;

/** Checks a subscription request field by field and reports every problem, not just the first. */
@Component
class SubscriptionValidator {

    static final int MAX_NAME = 200;
    static final double MAX_RADIUS_KM = 500;
    static final int MAX_URL = 2048;
    static final int MAX_ADDRESS = 254;
    static final String SECRET_PREFIX = "whsec_";
    /** Standard Webhooks: secrets are 24 to 64 random bytes. */
    static final int MIN_SECRET_BYTES = 24;
    static final int MAX_SECRET_BYTES = 64;
    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    private static final Set<Severity> SUBSCRIBABLE = Set.of(Severity.MINOR, Severity.MODERATE, Severity.SEVERE,
            Severity.EXTREME);

    private final CurrentSettlements settlements;
    private final WebhookTargets webhookTargets;

    SubscriptionValidator(CurrentSettlements settlements, WebhookTargets webhookTargets) {
        this.settlements = settlements;
        this.webhookTargets = webhookTargets;
    }

    /** A request that passed every check, in domain terms. */
    record Valid(String name, Area area, String channelType, String url, String secret, String address,
                 String language, Severity minSeverity, List<String> kinds) {
    }

    /** @throws org.springframework.web.ErrorResponseException 400 with the list of field problems */
    Valid validate(SubscriptionRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (request == null) {
            throw Problems.invalid(List.of(new FieldProblem("", "a JSON object is required")));
        }
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldProblem("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        } else if (ControlCharacters.problem(name, false) != null) {
            // the name goes into confirmation mails and pages
            errors.add(new FieldProblem("name", ControlCharacters.problem(name, false)));
        }
        Area area = area(request.area(), errors);
        String[] channel = channel(request.channel(), errors);
        String language = request.language();
        if (language == null || language.isBlank()) {
            errors.add(new FieldProblem("language", "is required: one of kk, ru, en"));
        } else if (!LANGUAGES.contains(language)) {
            errors.add(new FieldProblem("language", "must be one of kk, ru, en, was '" + language + "'"));
        }
        Severity minSeverity = Severity.MINOR;
        if (request.minSeverity() != null) {
            minSeverity = SUBSCRIBABLE.stream().filter(s -> s.cap().equals(request.minSeverity())).findFirst().orElse(null);
            if (minSeverity == null) {
                errors.add(new FieldProblem("minSeverity",
                        "must be one of Minor, Moderate, Severe, Extreme, was '" + request.minSeverity() + "'"));
            }
        }
        List<String> kinds = kinds(request.kinds(), errors);
        if (errors.isEmpty() && channel[1] != null) {
            // last, and only for an otherwise valid request: it resolves the host
            webhookTargets.refusal(URI.create(channel[1])).ifPresent(why -> errors.add(new FieldProblem("channel.url", why)));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new Valid(name, area, channel[0], channel[1], channel[2], channel[3], language, minSeverity, kinds);
    }

    /** Absent (or null): alerts only, as before notices existed. Otherwise a non-empty list of known kinds, each once. */
    private static List<String> kinds(JsonNode node, List<FieldProblem> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Subscription.DEFAULT_KINDS;
        }
        String known = String.join(", ", Subscription.KINDS);
        if (!node.isArray()) {
            errors.add(new FieldProblem("kinds", "must be an array of " + known + ", e.g. [\"ALERT\", \"NOTICE\"]"));
            return null;
        }
        if (node.isEmpty()) {
            errors.add(new FieldProblem("kinds", "must name at least one of " + known + " (leave it out for alerts only)"));
            return null;
        }
        List<String> kinds = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode kind = node.get(i);
            String field = "kinds[" + i + "]";
            if (!kind.isString() || !Subscription.KINDS.contains(kind.stringValue())) {
                errors.add(new FieldProblem(field, "must be one of " + known + ", was "
                        + (kind.isString() ? "'" + kind.stringValue() + "'" : kind.toString())));
                valid = false;
            } else if (kinds.contains(kind.stringValue())) {
                errors.add(new FieldProblem(field, "'" + kind.stringValue() + "' is listed twice"));
                valid = false;
            } else {
                kinds.add(kind.stringValue());
            }
        }
        return valid ? kinds : null;
    }

    private Area area(JsonNode node, List<FieldProblem> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            errors.add(new FieldProblem("area", "is required"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldProblem("area", "must be an object"));
            return null;
        }
        int shapes = (node.has("settlementId") ? 1 : 0) + (node.has("point") || node.has("radiusKm") ? 1 : 0)
                + (node.has("type") ? 1 : 0);
        if (shapes != 1) {
            errors.add(new FieldProblem("area", "must be exactly one of {\"settlementId\": …}, a GeoJSON Polygon or "
                    + "MultiPolygon, or {\"point\": <GeoJSON Point>, \"radiusKm\": …}"));
            return null;
        }
        String unknown = unknownField(node);
        if (unknown != null) {
            errors.add(new FieldProblem("area." + unknown, "unknown field '" + unknown + "'; known fields: "
                    + String.join(", ", knownFields(node))));
            return null;
        }
        if (node.has("settlementId")) {
            return settlementArea(node.get("settlementId"), errors);
        }
        if (node.has("type")) {
            return polygonArea(node, errors);
        }
        return circleArea(node, errors);
    }

    /** The fields an area of its shape may have: as strict as the JSON reader is for the rest of the body. */
    private static List<String> knownFields(JsonNode area) {
        return area.has("settlementId") ? List.of("settlementId")
                : area.has("type") ? List.of("bbox", "coordinates", "type")
                : List.of("point", "radiusKm");
    }

    private static String unknownField(JsonNode area) {
        List<String> known = knownFields(area);
        return area.propertyNames().stream().filter(name -> !known.contains(name)).findFirst().orElse(null);
    }

    private Area settlementArea(JsonNode idNode, List<FieldProblem> errors) {
        if (!idNode.isString() || idNode.stringValue().isBlank()) {
            errors.add(new FieldProblem("area.settlementId", "must be a settlement id such as gn:1521368"));
            return null;
        }
        String id = idNode.stringValue();
        // the newest edition of the reference data: an imported settlement is accepted within seconds of its import
        Settlement settlement = settlements.catalog().byId(id).orElse(null);
        if (settlement == null) {
            errors.add(new FieldProblem("area.settlementId", "unknown settlement id '" + id
                    + "' (ids come from the settlement catalogue, e.g. gn:1521368 for Baikonur)"));
            return null;
        }
        return new Area.SettlementArea(id, settlement.point());
    }

    private Area polygonArea(JsonNode node, List<FieldProblem> errors) {
        Geometry geometry = geometry(node, "area", errors);
        if (geometry == null) {
            return null;
        }
        List<String> problems = GeometryChecks.problems(geometry, Set.of("Polygon", "MultiPolygon"));
        problems.forEach(p -> errors.add(new FieldProblem("area", p)));
        return problems.isEmpty() ? new Area.PolygonArea(geometry) : null;
    }

    private Area circleArea(JsonNode node, List<FieldProblem> errors) {
        Point centre = null;
        JsonNode pointNode = node.get("point");
        if (pointNode == null || pointNode.isNull()) {
            errors.add(new FieldProblem("area.point", "is required with radiusKm: a GeoJSON Point"));
        } else {
            Geometry geometry = geometry(pointNode, "area.point", errors);
            if (geometry != null) {
                List<String> problems = GeometryChecks.problems(geometry, Set.of("Point"));
                problems.forEach(p -> errors.add(new FieldProblem("area.point", p)));
                centre = problems.isEmpty() ? (Point) geometry : null;
            }
        }
        JsonNode radiusNode = node.get("radiusKm");
        Double radius = null;
        if (radiusNode == null || radiusNode.isNull()) {
            errors.add(new FieldProblem("area.radiusKm", "is required with point: kilometres, 0 < radiusKm <= " + (int) MAX_RADIUS_KM));
        } else if (!radiusNode.isNumber() || Double.isNaN(radiusNode.numberValue().doubleValue())) {
            errors.add(new FieldProblem("area.radiusKm", "must be a number of kilometres"));
        } else {
            // through Number: a literal beyond double's range is then infinite (JsonNode#doubleValue would throw)
            double value = radiusNode.numberValue().doubleValue();
            if (!(value > 0 && value <= MAX_RADIUS_KM)) {
                errors.add(new FieldProblem("area.radiusKm", "must be greater than 0 and at most " + (int) MAX_RADIUS_KM
                        + " km, was " + value));
            } else {
                radius = value;
            }
        }
        return centre != null && radius != null ? new Area.CircleArea(centre, radius) : null;
    }

    private static Geometry geometry(JsonNode node, String field, List<FieldProblem> errors) {
        if (!node.isObject()) {
            errors.add(new FieldProblem(field, "must be a GeoJSON geometry object"));
            return null;
        }
        try {
            return GeoJsonModule.read(node.toString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    /** @return {type, url, secret-or-null, address} */
    private static String[] channel(SubscriptionRequest.Channel channel, List<FieldProblem> errors) {
        if (channel == null) {
            errors.add(new FieldProblem("channel", "is required: {\"type\": \"webhook\", \"url\": …} or "
                    + "{\"type\": \"email\", \"address\": …}"));
            return new String[4];
        }
        String type = channel.type();
        if (type == null || type.isBlank()) {
            errors.add(new FieldProblem("channel.type", "is required: webhook or email"));
            return new String[4];
        }
        if (Subscription.EMAIL.equals(type)) {
            if (channel.url() != null || channel.secret() != null) {
                errors.add(new FieldProblem("channel", "an e-mail channel has an address, no url or secret"));
            }
            return new String[] {type, null, null, address(channel.address(), errors)};
        }
        if (!Subscription.WEBHOOK.equals(type)) {
            errors.add(new FieldProblem("channel.type", "must be webhook or email, was '" + type + "'"));
            return new String[4];
        }
        if (channel.address() != null) {
            errors.add(new FieldProblem("channel.address", "a webhook channel has a url, no address"));
        }
        String url = url(channel.url(), errors);
        String secret = secret(channel.secret(), errors);
        return new String[] {type, url, secret, null};
    }

    /** One mailbox, RFC 822 syntax checked by Jakarta Mail; no display names, no lists. */
    private static String address(String address, List<FieldProblem> errors) {
        if (address == null || address.isBlank()) {
            errors.add(new FieldProblem("channel.address", "is required: an e-mail address"));
            return null;
        }
        String trimmed = address.strip();
        if (trimmed.length() > MAX_ADDRESS) {
            errors.add(new FieldProblem("channel.address", "must be at most " + MAX_ADDRESS + " characters"));
            return null;
        }
        try {
            jakarta.mail.internet.InternetAddress parsed = new jakarta.mail.internet.InternetAddress(trimmed, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(trimmed) || !trimmed.contains("@")
                    || trimmed.endsWith("@") || trimmed.indexOf('@') != trimmed.lastIndexOf('@')) {
                errors.add(new FieldProblem("channel.address", "must be a plain address such as akimat@baikonur.kz"));
                return null;
            }
            return trimmed;
        } catch (jakarta.mail.internet.AddressException e) {
            errors.add(new FieldProblem("channel.address", "is not a valid e-mail address: " + e.getMessage()));
            return null;
        }
    }

    private static String url(String url, List<FieldProblem> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldProblem("channel.url", "is required: an http or https URL"));
            return null;
        }
        if (url.length() > MAX_URL) {
            errors.add(new FieldProblem("channel.url", "must be at most " + MAX_URL + " characters"));
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new FieldProblem("channel.url", "must be an http or https URL, was '" + url + "'"));
                return null;
            }
            if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
                errors.add(new FieldProblem("channel.url", "must not carry credentials; use the signing secret"));
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                // java.net.URI finds no host in 0x7f.1 or 127.1: say what they are rather than just "no host"
                String host = WebhookTargets.hostOf(uri);
                errors.add(new FieldProblem("channel.url", (host == null ? Optional.<String>empty()
                        : WebhookTargets.nonStandardNumeric(host)).orElse("must name a host, was '" + url + "'")));
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(new FieldProblem("channel.url", "is not a valid URL: " + e.getMessage()));
            return null;
        }
    }

    private static String secret(String secret, List<FieldProblem> errors) {
        if (secret == null) {
            return null;
        }
        if (!secret.startsWith(SECRET_PREFIX)) {
            errors.add(new FieldProblem("channel.secret", "must be whsec_ followed by base64 (or leave it out to get one)"));
            return null;
        }
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
                errors.add(new FieldProblem("channel.secret", "must encode " + MIN_SECRET_BYTES + " to "
                        + MAX_SECRET_BYTES + " bytes, encodes " + bytes));
                return null;
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem("channel.secret", "the part after whsec_ is not base64"));
            return null;
        }
        return secret;
    }
}
