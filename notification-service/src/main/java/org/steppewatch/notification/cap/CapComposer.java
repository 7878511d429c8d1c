package org.steppewatch.notification.cap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.ZoneLevels;
import org.steppewatch.contracts.IncidentAssessed.AffectedSettlement;
import org.steppewatch.contracts.IncidentAssessed.HazardZone;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.cap.xml.Alert;
import org.steppewatch.notification.cap.xml.Alert.Info;

/**
 * Writes one CAP 1.2 alert for one assessed incident version: one {@code <info>} per language
 * (kk, ru, en), texts from the message bundles, areas from the hazard zones and a geocode per
 * settlement inside them. The result is validated against the OASIS schema before it is returned.
 */
@Component
public class CapComposer {

    public static final String ALERT = "Alert";
    public static final String UPDATE = "Update";
    public static final String CANCEL = "Cancel";
    /** CAP {@code status}: a message that goes out. */
    public static final String ACTUAL = "Actual";
    /** CAP {@code status}: a message awaiting an issuer's approval, not to be acted on. */
    public static final String DRAFT = "Draft";
    private static final Set<String> URGENCIES = Set.of("Immediate", "Expected", "Future", "Past", "Unknown");
    private static final Set<String> CERTAINTIES = Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final CapProperties properties;
    private final Texts texts = Texts.shipped();

    public CapComposer(CapProperties properties) {
        this.properties = properties;
    }

    /**
     * @param identifier   the CAP identifier (the alert id)
     * @param msgType      Alert, Update or Cancel
     * @param references   CAP references of earlier messages, each "sender,identifier,sent"
     * @param assessment   what the alert is about; for a Cancel, the last assessment that was alerted
     * @param cancelReason why a Cancel is sent (in the analyst's words)
     * @param web          where people can read the alert
     * @param status       the CAP status: Actual, or Draft for an alert that awaits an issuer
     */
    public record Message(String identifier, String msgType, Instant sent, Instant expires, List<String> references,
                          IncidentAssessed assessment, String cancelReason, String web, String status) {

        /** A message that goes out ({@code Actual}). */
        public Message(String identifier, String msgType, Instant sent, Instant expires, List<String> references,
                       IncidentAssessed assessment, String cancelReason, String web) {
            this(identifier, msgType, sent, expires, references, assessment, cancelReason, web, ACTUAL);
        }
    }

    /** The words of one {@code <info>} block, kept beside the XML for e-mails and the API. */
    public record LocalizedText(String headline, String description, String instruction, String responseType) {
    }

    public record Composed(String xml, Map<String, LocalizedText> texts) {
    }

    public String sender() {
        return properties.sender();
    }

    public OffsetDateTime at(Instant instant) {
        return instant.atOffset(properties.zoneOffset()).withNano(0);
    }

    /** A CAP reference to an earlier message: {@code sender,identifier,sent}. */
    public String reference(String identifier, Instant sent) {
        return properties.sender() + "," + identifier + "," + CapDateTimeAdapter.format(at(sent));
    }

    public Composed compose(Message message) {
        IncidentAssessed a = message.assessment();
        Alert alert = new Alert();
        alert.setIdentifier(message.identifier());
        alert.setSender(properties.sender());
        alert.setSent(at(message.sent()));
        alert.setStatus(message.status());
        alert.setMsgType(message.msgType());
        alert.setScope("Public");
        if (!message.references().isEmpty()) {
            alert.setReferences(String.join(" ", message.references()));
        }
        // CAP incidents: identifiers separated by spaces; incident ids have none
        alert.setIncidents(a.incidentId());
        Map<String, LocalizedText> words = new LinkedHashMap<>();
        for (String language : Texts.LANGUAGES) {
            Info info = info(language, message);
            alert.getInfo().add(info);
            words.put(language, new LocalizedText(info.getHeadline(), info.getDescription(), info.getInstruction(),
                    info.getResponseType().get(0)));
        }
        return new Composed(CapXml.get().write(alert), words);
    }

    private Info info(String lang, Message message) {
        IncidentAssessed a = message.assessment();
        boolean cancel = CANCEL.equals(message.msgType());
        Info info = new Info();
        info.setLanguage(lang);
        info.getCategory().add(CapRules.category(a));
        String event = event(lang, a);
        info.setEvent(event);
        String responseType = CapRules.responseType(message.msgType(), a);
        info.getResponseType().add(responseType);
        Severity severity = a.severity() == null ? Severity.UNKNOWN : a.severity();
        // a cancellation: nothing to do any more, the threat is past (CAP: urgency Past, severity Minor)
        info.setUrgency(cancel ? "Past" : vocabulary(a.urgency(), URGENCIES));
        info.setSeverity(cancel ? Severity.MINOR.cap() : severity.cap());
        info.setCertainty(cancel ? "Observed" : vocabulary(a.certainty(), CERTAINTIES));
        Alert.Info.EventCode code = new Alert.Info.EventCode();
        code.setValueName("SteppeWatchCategory");
        code.setValue(a.incident() == null || a.incident().category() == null ? "OTHER" : a.incident().category().name());
        info.getEventCode().add(code);
        info.setEffective(at(message.sent()));
        info.setExpires(at(message.expires()));
        info.setSenderName(texts.text(lang, "sender.name"));
        info.setHeadline(headline(lang, message, severity, event));
        info.setDescription(description(lang, message));
        info.setInstruction(texts.text(lang, "instruction." + responseType) + " " + texts.text(lang, "instruction.common"));
        info.setWeb(message.web());
        parameters(info, a, message);
        areas(lang, info, a);
        return info;
    }

    private String event(String lang, IncidentAssessed a) {
        String category = a.incident() == null || a.incident().category() == null ? "OTHER" : a.incident().category().name();
        return texts.text(lang, "event." + category);
    }

    private String headline(String lang, Message message, Severity severity, String event) {
        String place = place(lang, message.assessment());
        String core = place == null
                ? texts.text(lang, "headline.noPlace", texts.text(lang, "severity." + severity.cap()), event)
                : texts.text(lang, "headline.place", texts.text(lang, "severity." + severity.cap()), event, place);
        return switch (message.msgType()) {
            case UPDATE -> texts.text(lang, "headline.Update", core);
            case CANCEL -> texts.text(lang, "headline.Cancel",
                    place == null ? event : texts.text(lang, "headline.noPlace", event, place));
            default -> core;
        };
    }

    /** The most populous settlement in the worst zone that reaches people, else the nearest one. */
    private static String placeName(String lang, AffectedSettlement s) {
        return switch (lang) {
            case "kk" -> firstNonBlank(s.nameKk(), s.nameRu(), s.name());
            case "ru" -> firstNonBlank(s.nameRu(), s.name());
            default -> firstNonBlank(s.name(), s.nameRu());
        };
    }

    private static String place(String lang, IncidentAssessed a) {
        List<AffectedSettlement> settlements = a.affectedSettlements();
        AffectedSettlement best = settlements.stream().filter(s -> s.zone() != null)
                .max(Comparator.comparing((AffectedSettlement s) -> s.zone(), ZoneLevels.MOST_SEVERE_FIRST.reversed())
                        .thenComparingLong(AffectedSettlement::population))
                .orElseGet(() -> settlements.stream().min(Comparator.comparingDouble(AffectedSettlement::distanceKm))
                        .orElse(null));
        return best == null ? null : placeName(lang, best);
    }

    private String description(String lang, Message message) {
        IncidentAssessed a = message.assessment();
        List<String> parts = new ArrayList<>();
        if (CANCEL.equals(message.msgType())) {
            String reason = message.cancelReason() == null || message.cancelReason().isBlank()
                    ? texts.text(lang, "desc.cancel.noReason") : message.cancelReason().strip();
            parts.add(texts.text(lang, "desc.cancel", reason));
        }
        if (a.incident() != null) {
            String when = a.incident().occurredAt() == null ? "?"
                    : LOCAL_TIME.format(at(a.incident().occurredAt())) + " (UTC" + properties.zoneOffset().getId() + ")";
            parts.add(texts.text(lang, "desc.incident", Objects.requireNonNullElse(a.incident().title(), "?"), when));
        }
        if (!CANCEL.equals(message.msgType())) {
            if (UPDATE.equals(message.msgType())) {
                parts.add(texts.text(lang, "desc.update"));
            }
            if (a.fallZone() != null && a.fallZone().status() != null) {
                String zone = firstNonBlank(a.fallZone().zoneName(), a.fallZone().zoneId(), "?");
                String distance = a.fallZone().distanceKm() == null ? "?" : number(a.fallZone().distanceKm(), 1);
                texts.optional(lang, "desc.fallZone." + a.fallZone().status(), zone, distance).ifPresent(parts::add);
            }
            for (HazardZone zone : a.hazardZones()) {
                String level = level(lang, zone.level());
                String substance = substance(lang, zone.substance());
                parts.add(zone.thresholdPpm() != null && zone.exposureMinutes() != null
                        ? texts.text(lang, "desc.zone", level, substance, number(zone.thresholdPpm(), 2),
                        zone.exposureMinutes().toString())
                        : texts.text(lang, "desc.zone.plain", level, substance));
            }
            List<AffectedSettlement> inside = a.affectedSettlements().stream().filter(s -> s.zone() != null).toList();
            if (!a.hazardZones().isEmpty()) {
                if (inside.isEmpty()) {
                    parts.add(texts.text(lang, "desc.noSettlement"));
                }
                for (AffectedSettlement s : inside) {
                    parts.add(texts.text(lang, "desc.settlement", placeName(lang, s), Long.toString(s.population()),
                            number(s.distanceKm(), 1), level(lang, s.zone())));
                }
                parts.add(texts.text(lang, "desc.model"));
            }
            for (IncidentAssessed.Exceedance e : a.exceedances()) {
                parts.add(texts.text(lang, "desc.exceedance", substance(lang, e.substance()),
                        texts.optional(lang, "medium." + e.medium()).orElse(Objects.requireNonNullElse(e.medium(), "?")),
                        number(e.value(), 3), Objects.requireNonNullElse(e.unit(), ""), number(e.ratio(), 0),
                        number(e.limit(), 3)));
            }
        }
        return String.join("\n", parts);
    }

    private void parameters(Info info, IncidentAssessed a, Message message) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("incidentId", a.incidentId());
        values.put("incidentVersion", Long.toString(a.incidentVersion()));
        values.put("assessmentId", a.assessmentId());
        if (a.referenceDataVersion() != null) {
            values.put("referenceDataVersion", a.referenceDataVersion());
        }
        String worst = ZoneLevels.worst(a.hazardZones().stream().map(HazardZone::level).toList());
        if (worst != null) {
            values.put("hazardLevel", worst);
        }
        List<String> substances = a.hazardZones().stream().map(HazardZone::substance).filter(Objects::nonNull)
                .distinct().toList();
        if (!substances.isEmpty()) {
            values.put("substances", String.join(" ", substances));
        }
        if (a.fallZone() != null && a.fallZone().status() != null) {
            values.put("fallZoneStatus", a.fallZone().status());
        }
        long population = a.affectedSettlements().stream().filter(s -> s.zone() != null)
                .mapToLong(AffectedSettlement::population).sum();
        values.put("populationInHazardZones", Long.toString(population));
        if (CANCEL.equals(message.msgType())) {
            values.put("cancelled", "true");
        }
        values.forEach((name, value) -> {
            Alert.Info.Parameter p = new Alert.Info.Parameter();
            p.setValueName(name);
            p.setValue(value);
            info.getParameter().add(p);
        });
    }

    private void areas(String lang, Info info, IncidentAssessed a) {
        for (HazardZone zone : a.hazardZones()) {
            List<String> polygons = CapPolygons.of(zone.geometry(), properties.maxPolygonPoints());
            if (polygons.isEmpty()) {
                continue;
            }
            Alert.Info.Area area = new Alert.Info.Area();
            area.setAreaDesc(texts.text(lang, "area.zone", level(lang, zone.level()), substance(lang, zone.substance())));
            area.getPolygon().addAll(polygons);
            info.getArea().add(area);
        }
        List<AffectedSettlement> inside = a.affectedSettlements().stream()
                .filter(s -> s.zone() != null && s.id() != null).toList();
        if (!inside.isEmpty()) {
            Alert.Info.Area area = new Alert.Info.Area();
            area.setAreaDesc(texts.text(lang, "area.settlements",
                    String.join(", ", inside.stream().map(s -> placeName(lang, s)).toList())));
            for (AffectedSettlement s : inside) {
                Alert.Info.Area.Geocode geocode = new Alert.Info.Area.Geocode();
                // GeoNames ids as GeoNames publishes them; other catalogue ids under our own name
                boolean geonames = s.id().startsWith("gn:");
                geocode.setValueName(geonames ? "GeoNames" : "SteppeWatchSettlement");
                geocode.setValue(geonames ? s.id().substring(3) : s.id());
                area.getGeocode().add(geocode);
            }
            info.getArea().add(area);
        }
        if (info.getArea().isEmpty() && a.incident() != null && a.incident().location() instanceof Point p) {
            Alert.Info.Area area = new Alert.Info.Area();
            area.setAreaDesc(texts.text(lang, "area.incident"));
            // CAP circle: "lat,lon radius-km"
            area.getCircle().add(CapPolygons.decimal(p.getY()) + "," + CapPolygons.decimal(p.getX()) + " 1");
            info.getArea().add(area);
        }
    }

    private String level(String lang, String level) {
        return level == null ? "?" : texts.optional(lang, "level." + level).orElse(level);
    }

    private String substance(String lang, String code) {
        return code == null ? texts.text(lang, "substance.none") : texts.optional(lang, "substance." + code).orElse(code);
    }

    private static String vocabulary(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : "Unknown";
    }

    private static String number(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
