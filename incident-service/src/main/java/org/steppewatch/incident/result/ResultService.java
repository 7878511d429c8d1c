package org.steppewatch.incident.result;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.ResultRecorded;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.incident.campaign.CampaignDirectory;
import org.steppewatch.incident.site.SiteDirectory;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** Records results, one or a CSV of them: each stored with its ResultRecorded in one write; nothing of a refusal. */
@Service
class ResultService {

    /** Kazakhstan keeps one time zone (UTC+5 since 2024): a sampling day later than today there is a typo. */
    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    static final String SINGLE = "SINGLE";

    private final ResultStore store;
    private final JudgementStore judgements;
    private final SiteDirectory sites;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    ResultService(ResultStore store, JudgementStore judgements, SiteDirectory sites, CampaignDirectory campaigns,
                  Clock clock) {
        this.store = store;
        this.judgements = judgements;
        this.sites = sites;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    ResultRecorded record(ResultRequest request) {
        Instant now = now();
        Lookups known = new Lookups();
        List<FieldProblem> problems = ResultValidator.problems(request, "", LocalDate.ofInstant(now, KAZAKHSTAN), known);
        if (!problems.isEmpty()) {
            throw Problems.invalid("The result has " + problems.size() + " invalid field"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was stored.", problems);
        }
        ResultRecorded result = toEvent(request, enteredBy(), now, known);
        store.insert(result, OutboxMessage.of(result, now));
        return result;
    }

    /** All rows or none: every problem of every row in one refusal, named by line and column. */
    List<String> importCsv(String csv) {
        Instant now = now();
        List<ResultImport.Row> rows = ResultImport.parse(csv);
        Lookups known = new Lookups();
        LocalDate today = LocalDate.ofInstant(now, KAZAKHSTAN);
        List<FieldProblem> problems = new ArrayList<>();
        for (ResultImport.Row row : rows) {
            problems.addAll(row.problems());
            // a cell that did not parse reads as absent: its problem is named already, not again as "is required"
            var unreadable = row.problems().stream().map(FieldProblem::field).toList();
            ResultValidator.problems(row.request(), ResultImport.prefix(row.line()), today, known).stream()
                    .filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid("The import has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " in " + problems.stream().map(p -> p.field().substring(0, p.field().indexOf('.')))
                    .distinct().count() + " of " + rows.size() + " rows; nothing was stored.", problems);
        }
        String by = enteredBy();
        List<ResultRecorded> results = rows.stream().map(row -> toEvent(row.request(), by, now, known)).toList();
        List<OutboxMessage> events = results.stream().map(r -> OutboxMessage.of(r, now)).toList();
        List<String> ids = results.stream().map(ResultRecorded::resultId).toList();
        try {
            store.insertAll(results, events);
        } catch (RuntimeException e) {
            store.removeAll(ids); // all or nothing: what part of the batch was stored goes again
            throw e;
        }
        return ids;
    }

    ResultView get(String id) {
        ResultRecorded result = store.find(id).orElseThrow(() -> Problems.notFound("No result with id " + id + "."));
        return ResultView.of(result, judgements.find(id).orElse(null), Actor.current() != null);
    }

    ResultPage list(String siteId, String substance, String medium, int page, int size) {
        ResultStore.Page found = store.list(siteId, substance == null ? null : substance.strip().toUpperCase(Locale.ROOT),
                medium == null ? null : medium.strip().toLowerCase(Locale.ROOT), page, size);
        var judged = judgements.find(found.items().stream().map(ResultRecorded::resultId).toList());
        boolean signedIn = Actor.current() != null;
        return new ResultPage(found.items().stream()
                .map(r -> ResultView.of(r, judged.get(r.resultId()), signedIn)).toList(), page, size, found.total());
    }

    /** A request that passed the validator as its event: codes normalised, the unit as the vocabulary writes it. */
    private static ResultRecorded toEvent(ResultRequest r, String by, Instant now, Lookups known) {
        Geometry location = r.location();
        if (location == null && r.campaignId() != null && r.locationId() != null) {
            location = known.campaign(r.campaignId()).map(l -> l.get(r.locationId())).orElse(null);
        }
        if (location == null && r.siteId() != null) {
            location = known.siteLocation(r.siteId());
        }
        boolean nonDetect = Boolean.FALSE.equals(r.detected());
        String unit = org.steppewatch.units.SampleUnits.of(r.unit()).orElseThrow().symbol();
        return new ResultRecorded("res-" + UUID.randomUUID(), r.siteId(), r.campaignId(), r.locationId(), location,
                r.substance().strip().toUpperCase(Locale.ROOT), r.medium().strip().toLowerCase(Locale.ROOT),
                nonDetect ? null : r.value(), null, null, !nonDetect, r.detectionLimit(), r.quantitationLimit(), unit,
                r.basis() == null ? null : r.basis().strip().toUpperCase(Locale.ROOT), SINGLE, null, r.sampledOn(),
                r.sampledOn(), strip(r.method()), strip(r.laboratory()), null, null, r.notes(), by, now);
    }

    /** The JWT subject of the caller (AccessRules lets no one anonymous write). */
    private static String enteredBy() {
        Actor actor = Actor.current();
        return actor == null ? null : actor.subject();
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** MongoDB keeps milliseconds: truncate so the response, the event and the stored document agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Sites and campaigns looked up once per request, however many rows name them. */
    private final class Lookups implements ResultValidator.Known {

        private final Map<String, Boolean> siteExists = new HashMap<>();
        private final Map<String, Optional<Geometry>> siteLocations = new HashMap<>();
        private final Map<String, Optional<Map<String, Geometry>>> campaignPlaces = new HashMap<>();

        @Override
        public boolean site(String siteId) {
            return siteExists.computeIfAbsent(siteId, sites::exists);
        }

        Geometry siteLocation(String siteId) {
            return siteLocations.computeIfAbsent(siteId, sites::location).orElse(null);
        }

        @Override
        public Optional<Map<String, Geometry>> campaign(String campaignId) {
            return campaignPlaces.computeIfAbsent(campaignId, campaigns::locations);
        }
    }
}
