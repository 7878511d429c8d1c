package org.steppewatch.notification.cap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.ResultJudged;
import org.steppewatch.contracts.ResultJudged.LimitComparison;
import org.steppewatch.contracts.ResultJudged.NoticeRating;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.cap.xml.Alert;
import org.steppewatch.notification.cap.xml.Alert.Info;
import org.steppewatch.web.ControlCharacters;

/**
 * Writes the CAP 1.2 document of a contamination notice: a measured result above a limit. CAP {@code Alert},
 * {@code Actual}, category {@code Env}, urgency {@code Future}, certainty {@code Observed} and the severity of the
 * {@link NoticeRating} (the written rule of docs/assessment.md), one {@code <info>} per language with texts from the
 * message bundles. Substance, medium, site and the rule's reason come from events, so they are stripped of control
 * characters; JAXB escapes what XML would read as markup. Validated against the OASIS schema by {@link CapXml}.
 */
@Component
public class NoticeCapComposer {

    /** CAP {@code eventCode} of a notice, under the value name {@code SteppeWatchNotice}. */
    static final String EVENT_CODE = "RESULT_ABOVE_LIMIT";
    private static final Set<String> URGENCIES = Set.of("Immediate", "Expected", "Future", "Past", "Unknown");
    private static final Set<String> CERTAINTIES = Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");
    /** A measured contamination is something to keep away from: CAP {@code Avoid}, as an alert with a sample above its limit. */
    private static final String RESPONSE = "Avoid";

    private final CapComposer alerts;
    private final Texts texts = Texts.shipped();

    public NoticeCapComposer(CapComposer alerts) {
        this.alerts = alerts;
    }

    /**
     * @param identifier the notice id
     * @param nearKm     how far around the result subscribers get it: the CAP area's circle
     * @param web        where people can read the notice
     */
    public record Message(String identifier, Instant sent, ResultJudged result, double nearKm, String web) {
    }

    public CapComposer.Composed compose(Message message) {
        Alert alert = new Alert();
        alert.setIdentifier(message.identifier());
        alert.setSender(alerts.sender());
        alert.setSent(alerts.at(message.sent()));
        alert.setStatus(CapComposer.ACTUAL);
        alert.setMsgType(CapComposer.ALERT);
        alert.setScope("Public");
        Map<String, CapComposer.LocalizedText> words = new LinkedHashMap<>();
        for (String language : Texts.LANGUAGES) {
            Info info = info(language, message);
            alert.getInfo().add(info);
            words.put(language, new CapComposer.LocalizedText(info.getHeadline(), info.getDescription(),
                    info.getInstruction(), RESPONSE));
        }
        return new CapComposer.Composed(CapXml.get().write(alert), words);
    }

    private Info info(String lang, Message message) {
        ResultJudged r = message.result();
        NoticeRating rating = r.notice();
        Severity severity = rating.severity() == null ? Severity.UNKNOWN : rating.severity();
        Info info = new Info();
        info.setLanguage(lang);
        info.getCategory().add("Env");
        info.setEvent(texts.text(lang, "notice.event"));
        info.getResponseType().add(RESPONSE);
        info.setUrgency(vocabulary(rating.urgency(), URGENCIES));
        info.setSeverity(severity.cap());
        info.setCertainty(vocabulary(rating.certainty(), CERTAINTIES));
        Alert.Info.EventCode code = new Alert.Info.EventCode();
        code.setValueName("SteppeWatchNotice");
        code.setValue(EVENT_CODE);
        info.getEventCode().add(code);
        info.setEffective(alerts.at(message.sent()));
        info.setSenderName(texts.text(lang, "sender.name"));
        info.setHeadline(ControlCharacters.stripToLine(texts.text(lang, "notice.headline",
                texts.text(lang, "notice.severity." + severity.cap()), substance(lang, r.substance()),
                medium(lang, r.medium()), number(rating.highestRatio(), 1))));
        info.setDescription(ControlCharacters.strip(description(lang, r)));
        info.setInstruction(texts.optional(lang, "notice.instruction." + code(r.medium()))
                .orElseGet(() -> texts.text(lang, "notice.instruction.default")) + " "
                + texts.text(lang, "notice.instruction.common"));
        info.setWeb(message.web());
        parameters(info, r);
        if (r.location() instanceof Point p) {
            Alert.Info.Area area = new Alert.Info.Area();
            area.setAreaDesc(texts.text(lang, "notice.area", number(message.nearKm(), 1)));
            // CAP circle: "lat,lon radius-km", the distance within which subscribers were sent the notice
            area.getCircle().add(CapPolygons.decimal(p.getY()) + "," + CapPolygons.decimal(p.getX()) + " "
                    + number(message.nearKm(), 3));
            info.getArea().add(area);
        }
        return info;
    }

    private String description(String lang, ResultJudged r) {
        List<String> parts = new ArrayList<>();
        String where = r.location() instanceof Point p ? CapPolygons.decimal(p.getY()) + ", " + CapPolygons.decimal(p.getX()) : "?";
        parts.add(texts.text(lang, "notice.desc.sample", medium(lang, r.medium()), dates(lang, r.sampledFrom(), r.sampledTo()),
                where, substance(lang, r.substance())));
        if (r.siteId() != null && !r.siteId().isBlank()) {
            parts.add(texts.text(lang, "notice.desc.site", r.siteId().strip()));
        }
        for (LimitComparison c : r.comparisons()) {
            if (c.regimeVerdict() && "ABOVE".equals(c.outcome()) && c.ratio() != null && c.limit() != null
                    && c.comparedValue() != null) {
                parts.add(texts.text(lang, "notice.desc.above", Objects.requireNonNullElse(c.regime(), "?"),
                        number(c.comparedValue(), 4), Objects.requireNonNullElse(c.limitUnit(), ""), number(c.ratio(), 1),
                        number(c.limit(), 4)));
            }
        }
        NoticeRating rating = r.notice();
        parts.add(texts.text(lang, "notice.desc.rule", Objects.requireNonNullElse(rating.reason(), "?"),
                number(rating.highestRatio(), 1), Objects.requireNonNullElse(rating.regime(), "?")));
        parts.add(texts.text(lang, "notice.desc.measured"));
        return String.join("\n", parts);
    }

    private String dates(String lang, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return texts.text(lang, "notice.date.unknown");
        }
        if (from == null || to == null || from.equals(to)) {
            return texts.text(lang, "notice.date.one", (from != null ? from : to).toString());
        }
        return texts.text(lang, "notice.date.range", from.toString(), to.toString());
    }

    private void parameters(Info info, ResultJudged r) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("resultId", r.resultId());
        if (r.siteId() != null) {
            values.put("siteId", r.siteId());
        }
        values.put("substance", r.substance());
        values.put("medium", r.medium());
        values.put("highestRatio", number(r.notice().highestRatio(), 3));
        values.put("regime", r.notice().regime());
        values.put("severityRule", r.notice().reason());
        if (r.limitValuesVersion() != null) {
            values.put("limitValuesVersion", r.limitValuesVersion());
        }
        values.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            Alert.Info.Parameter p = new Alert.Info.Parameter();
            p.setValueName(name);
            p.setValue(ControlCharacters.stripToLine(value));
            info.getParameter().add(p);
        });
    }

    private String substance(String lang, String code) {
        return code == null ? texts.text(lang, "substance.none")
                : texts.optional(lang, "substance." + code(code)).orElse(code.strip());
    }

    private String medium(String lang, String medium) {
        return medium == null ? "?" : texts.optional(lang, "medium." + code(medium)).orElse(medium.strip());
    }

    /** Bundle keys are upper case (medium.WATER); the events may write {@code water}. */
    private static String code(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String vocabulary(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : "Unknown";
    }

    private static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
