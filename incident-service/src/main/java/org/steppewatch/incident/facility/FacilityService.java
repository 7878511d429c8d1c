package org.steppewatch.incident.facility;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/**
 * The facility register. Every change (a facility registered, releases added or corrected) raises the facility's
 * version and is stored together with the FacilityReported carrying the whole record; the relay publishes it.
 */
@Service
class FacilityService {

    /** Optimistic retries of a change racing a judgement or another change of the same facility. */
    private static final int ATTEMPTS = 5;
    /** Ids tried for a new facility's name before giving up (fac-name, fac-name-2, ...). */
    private static final int ID_CANDIDATES = 20;
    static final String REGISTERED = "REGISTERED";
    static final String RELEASES_CHANGED = "RELEASES_CHANGED";

    private final FacilityStore store;
    private final Clock clock;

    FacilityService(FacilityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Facility register(FacilityRequest request) {
        List<FieldProblem> problems = FacilityValidator.problems(request, currentYear());
        if (!problems.isEmpty()) {
            throw Problems.invalid("The facility has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + "; nothing was stored.", problems);
        }
        if (request.id() != null) {
            Facility facility = FacilityValidator.toFacility(request, request.id(), now());
            if (!insert(facility, caller())) {
                throw Problems.conflict("A facility with id " + request.id() + " exists already; "
                        + "add releases to it with POST /api/v1/facilities/import.");
            }
            return facility;
        }
        String base = "fac-" + slug(request.name());
        for (int i = 1; i <= ID_CANDIDATES; i++) {
            Facility facility = FacilityValidator.toFacility(request, i == 1 ? base : base + "-" + i, now());
            if (insert(facility, caller())) {
                return facility;
            }
        }
        throw Problems.conflict("Too many facilities are named like '" + request.name().strip()
                + "'; give the new one an id.");
    }

    /**
     * Stores a new facility at version 1 with its FacilityReported.
     *
     * @return false when the id is taken (nothing stored)
     */
    boolean insert(Facility facility, Actor by) {
        Instant now = facility.reportedAt();
        OutboxMessage reported = OutboxMessage.of(facility.reported(shown(by), now), now);
        try {
            store.insert(facility, lastChange(REGISTERED, now, by), reported);
        } catch (DuplicateKeyException e) {
            return false;
        }
        return true;
    }

    /**
     * Adds the releases to the facility, each replacing the one of the same year, pollutant and medium; a replaced
     * release is judged afresh. Releases identical to the stored ones change nothing (no new version).
     *
     * @return the facility as it now is; empty when there is no such facility
     */
    Optional<Facility> addReleases(String id, List<FacilityRelease> added, Actor by) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Facility> found = store.find(id);
            if (found.isEmpty()) {
                return found;
            }
            Facility current = found.get();
            List<FacilityRelease> merged = ReleaseMerge.merge(current.releases(), added);
            if (merged.equals(current.releases())) {
                return found;
            }
            Instant now = now();
            Facility next = new Facility(id, current.version() + 1, current.name(), current.operator(),
                    current.activity(), current.location(), current.example(), current.source(), merged,
                    current.reportedAt(), now, current.judgedVersion());
            OutboxMessage reported = OutboxMessage.of(next.reported(shown(by), now), now);
            Optional<Facility> changed = store.changeReleases(current, merged, now, lastChange(RELEASES_CHANGED, now, by),
                    reported);
            if (changed.isPresent()) {
                return changed;
            }
            // judged or changed between our read and our write: merge into what is there now
        }
        throw Problems.conflict("Facility " + id + " kept changing; try again.");
    }

    Facility get(String id) {
        return store.find(id).orElseThrow(() -> Problems.notFound("No facility with id " + id + "."));
    }

    FacilityStore.Page list(FacilityQuery query) {
        return store.list(query);
    }

    int currentYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    /** MongoDB keeps milliseconds: truncate so the response, the event and the stored document agree. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The caller of the current request (from its token); null outside a request (the example seed). */
    static Actor caller() {
        return Actor.current();
    }

    private static String shown(Actor by) {
        return by == null ? null : by.name();
    }

    private static Document lastChange(String change, Instant at, Actor by) {
        return FacilityDocuments.lastChange(change, at, by == null ? null : by.subject(), shown(by));
    }

    /** "Example: steelworks, Temirtau" → "example-steelworks-temirtau"; non-Latin names fall back to "facility". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "facility" : ascii;
    }
}
