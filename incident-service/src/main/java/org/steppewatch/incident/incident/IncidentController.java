package org.steppewatch.incident.incident;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.security.Actor;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @PostMapping
    ResponseEntity<IncidentResponse> report(@RequestBody IncidentRequest request) {
        Incident incident = incidents.report(request);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id()))
                .eTag(IfMatch.etag(incident.version()))
                .body(IncidentResponse.of(incident));
    }

    @GetMapping("/{id}")
    ResponseEntity<IncidentResponse> get(@PathVariable String id) {
        return ok(incidents.get(id));
    }

    @GetMapping
    IncidentPage list(@RequestParam(required = false) String category,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false) String since,
                      @RequestParam(required = false) String until,
                      @RequestParam(required = false) String bbox,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "20") int size) {
        IncidentQuery query = IncidentQuery.parse(category, status, since, until, bbox, page, size);
        IncidentStore.Page found = incidents.list(query);
        return new IncidentPage(found.items().stream().map(IncidentResponse::of).toList(), page, size, found.total());
    }

    /**
     * Every version of the incident, oldest first: what was reported, each revision, the retraction; who made each
     * change only for signed-in users.
     */
    @GetMapping("/{id}/revisions")
    List<Revision> revisions(@PathVariable String id) {
        List<Revision> revisions = incidents.revisions(id);
        return Actor.current() != null ? revisions : revisions.stream().map(Revision::anonymous).toList();
    }

    @PutMapping("/{id}")
    ResponseEntity<IncidentResponse> revise(@PathVariable String id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestBody IncidentRequest request) {
        return ok(incidents.revise(id, ifMatch, request));
    }

    @PostMapping("/{id}/retraction")
    ResponseEntity<IncidentResponse> retract(@PathVariable String id,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @RequestBody RetractionRequest request) {
        return ok(incidents.retract(id, ifMatch, request));
    }

    private static ResponseEntity<IncidentResponse> ok(Incident incident) {
        return ResponseEntity.ok().eTag(IfMatch.etag(incident.version())).body(IncidentResponse.of(incident));
    }
}
