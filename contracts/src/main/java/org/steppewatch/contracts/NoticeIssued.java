package org.steppewatch.contracts;

import java.time.Instant;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * notification-service issued a contamination notice (CAP 1.2, category {@code Env}, urgency {@code Future},
 * certainty {@code Observed}) for a result above a limit, on {@link Topics#NOTICES}; it goes to the subscribers whose
 * area is near the result and who asked for notices ({@code "kinds": ["NOTICE"]}).
 *
 * @param noticeId     unique id, also the CAP identifier's last part
 * @param resultId     the result that warrants it
 * @param siteId       its site, or null
 * @param location     where the result was taken
 * @param severity     Minor, Moderate or Severe, from {@link ResultJudged.NoticeRating}
 * @param substance    substance code
 * @param medium       sampled medium
 * @param highestRatio the highest ratio among the regimes' verdicts
 * @param regime       the regime of that ratio
 * @param headline     per language (kk, ru, en)
 * @param description  per language
 * @param instruction  per language
 * @param subscribers  how many subscriptions it was addressed to
 * @param sentAt       CAP sent time
 */
public record NoticeIssued(String noticeId, String resultId, String siteId, Geometry location, Severity severity,
                           String substance, String medium, double highestRatio, String regime,
                           Map<String, String> headline, Map<String, String> description,
                           Map<String, String> instruction, int subscribers, Instant sentAt)
        implements ContaminationEvent {

    public NoticeIssued {
        headline = headline == null ? Map.of() : Map.copyOf(headline);
        description = description == null ? Map.of() : Map.copyOf(description);
        instruction = instruction == null ? Map.of() : Map.copyOf(instruction);
    }

    @Override
    public String key() {
        return siteId != null ? siteId : resultId;
    }

    @Override
    public String eventType() {
        return EventTypes.NOTICE_ISSUED;
    }

    @Override
    public String topic() {
        return Topics.NOTICES;
    }

    @Override
    public long sequence() {
        return 0;
    }
}
