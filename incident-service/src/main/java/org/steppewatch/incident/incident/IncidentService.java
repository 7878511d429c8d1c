package org.steppewatch.incident.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.steppewatch.contracts.IncidentFacts;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.ReportedBy;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.incident.live.LiveUpdate;
import org.steppewatch.security.Actor;
import org.steppewatch.security.Roles;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

/** The incident life cycle. Each change and its event are stored together; the relay publishes the event. */
@Service
class IncidentService {

    /** Optimistic retries of a retraction without If-Match racing other writers. */
    private static final int RETRACT_ATTEMPTS = 5;

    private final IncidentStore store;
    private final Clock clock;
    private final ApplicationEventPublisher live;
    private final EventSizeLimit eventSize;

    IncidentService(IncidentStore store, Clock clock, ApplicationEventPublisher live, EventSizeLimit eventSize) {
        this.store = store;
        this.clock = clock;
        this.live = live;
        this.eventSize = eventSize;
    }

    Incident report(IncidentRequest request) {
        Instant now = now();
        IncidentFacts facts = validFacts(request, now);
        String id = UUID.randomUUID().toString();
        ReportedBy by = caller();
        Incident incident = new Incident(id, 1, IncidentStatus.REPORTED, facts, now, now, null);
        OutboxMessage reported = OutboxMessage.of(new IncidentReported(id, 1, now, facts, by), now);
        eventSize.check(reported);
        store.insert(incident, by, reported);
        announce(incident);
        return incident;
    }

    Incident get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    List<Revision> revisions(String id) {
        return store.revisions(id).orElseThrow(() -> notFound(id));
    }

    IncidentStore.Page list(IncidentQuery query) {
        return store.list(query);
    }

    Incident revise(String id, String ifMatch, IncidentRequest request) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired("A revision needs If-Match with the incident's current ETag "
                    + "(e.g. If-Match: \"1\", from the ETag of GET /api/v1/incidents/" + id + ").");
        }
        Instant now = now();
        IncidentFacts facts = validFacts(request, now);
        long expected = expectedVersion(id, ifMatch);
        ReportedBy by = caller();
        OutboxMessage revised = OutboxMessage.of(new IncidentRevised(id, expected + 1, now, facts, by), now);
        eventSize.check(revised);
        Incident incident = store.revise(id, expected, facts, now, by, revised)
                .orElseThrow(() -> whyNot(id, ifMatch));
        announce(incident);
        return incident;
    }

    /** If-Match is optional here: with it the retraction is conditional, without it applies to the current version. */
    Incident retract(String id, String ifMatch, RetractionRequest request) {
        List<FieldProblem> problems = IncidentValidator.retractionProblems(request);
        if (!problems.isEmpty()) {
            throw Problems.invalid("The retraction needs a reason.", problems);
        }
        String reason = request.reason().strip();
        ReportedBy by = caller();
        for (int attempt = 0; attempt < RETRACT_ATTEMPTS; attempt++) {
            long expected = ifMatch == null || ifMatch.isBlank() ? current(id).version() : expectedVersion(id, ifMatch);
            Instant now = now();
            OutboxMessage retracted = OutboxMessage.of(new IncidentRetracted(id, expected + 1, now, reason, by), now);
            var incident = store.retract(id, expected, new Incident.Retraction(reason, now), by, retracted);
            if (incident.isPresent()) {
                announce(incident.get());
                return incident.get();
            }
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw whyNot(id, ifMatch);
            }
            // someone else changed it between our read and our write: look again (404/409 if it is gone or retracted)
            current(id);
        }
        throw Problems.conflict("Incident " + id + " kept changing; try the retraction again.");
    }

    /**
     * Who is changing the incident, recorded with the version and carried in its event: notification-service sends
     * the alert of a version at once only when its reporter held the issuer role (otherwise it waits as a draft).
     */
    private static ReportedBy caller() {
        Actor actor = Actor.current();
        return actor == null ? null : new ReportedBy(actor.subject(), actor.name(), actor.hasRole(Roles.ISSUER));
    }

    /** To the consoles watching (server-sent events): the change is stored, its event on its way. */
    private void announce(Incident incident) {
        live.publishEvent(new LiveUpdate(LiveUpdate.INCIDENT, incident.id(), IncidentResponse.of(incident)));
    }

    private long expectedVersion(String id, String ifMatch) {
        if (IfMatch.ANY.equals(ifMatch.strip())) {
            return current(id).version();
        }
        OptionalLong version = IfMatch.version(ifMatch);
        if (version.isEmpty()) {
            throw whyNot(id, ifMatch);
        }
        return version.getAsLong();
    }

    private Incident current(String id) {
        Incident incident = get(id);
        if (incident.status() == IncidentStatus.RETRACTED) {
            throw retracted(incident);
        }
        return incident;
    }

    /** The conditional write matched nothing: unknown, retracted, or another version. */
    private RuntimeException whyNot(String id, String ifMatch) {
        Incident incident = current(id);
        return Problems.preconditionFailed("If-Match " + ifMatch.strip() + " does not match the current ETag "
                + IfMatch.etag(incident.version()) + " of incident " + id
                + ": it changed since you read it. GET it again and reapply your change.", incident.version());
    }

    private static RuntimeException retracted(Incident incident) {
        return Problems.conflict("Incident " + incident.id() + " was retracted"
                + (incident.retraction() == null ? "" : " (" + incident.retraction().reason() + ")")
                + " and can no longer change.");
    }

    private static RuntimeException notFound(String id) {
        return Problems.notFound("No incident with id " + id + ".");
    }

    private IncidentFacts validFacts(IncidentRequest request, Instant now) {
        List<FieldProblem> problems = IncidentValidator.problems(request, now);
        if (!problems.isEmpty()) {
            throw Problems.invalid("The incident has " + problems.size() + " invalid field"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was stored.", problems);
        }
        return IncidentValidator.toFacts(request);
    }

    /** MongoDB keeps milliseconds: truncate so the response, the event and the stored document agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
