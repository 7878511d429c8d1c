package org.steppewatch.analysis.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.security.Actor;
import org.steppewatch.web.FieldProblem;
import org.steppewatch.web.Problems;

import tools.jackson.databind.node.ObjectNode;

/**
 * Reads stored assessments: the IncidentAssessed fields, the {@link AssessmentDetails} fields beside them
 * ({@code areasOfConcern}, {@code hazardZoneDetails}, {@code sampleComparisons}, {@code notModelled},
 * {@code exposureMinutes}, {@code severityReason}), plus {@code withdrawn} when the incident was retracted;
 * {@code reportedBy} (who reported the version) for signed-in users only.
 */
@RestController
@RequestMapping("/api/v1/assessments")
class AssessmentController {

    private static final int MAX_SIZE = 200;

    private final AssessmentStore store;

    AssessmentController(AssessmentStore store) {
        this.store = store;
    }

    /**
     * Assessments newest first, each incident version's once (withdrawn ones marked), of one incident or of all;
     * {@code size} 1 to 200. Also as CSV and GeoJSON.
     */
    @GetMapping
    AssessmentPage list(@RequestParam(required = false) String incidentId,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be 1 to " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        AssessmentStore.Page found = store.list(incidentId == null || incidentId.isBlank() ? null : incidentId, page, size);
        return new AssessmentPage(found.items().stream().map(AssessmentListing::of).toList(), page, size, found.total());
    }

    @GetMapping("/{incidentId}")
    ObjectNode assessment(@PathVariable String incidentId, @RequestParam(required = false) Long version) {
        if (version != null && version < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version must be 1 or more, was " + version);
        }
        Optional<AssessmentStore.Stored> stored = version == null ? store.latest(incidentId) : store.find(incidentId, version);
        AssessmentStore.Stored found = stored.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                version == null ? "no assessment of incident " + incidentId
                        : "no assessment of incident " + incidentId + " version " + version));
        ObjectNode body = EventJson.mapper().valueToTree(found.assessment());
        if (Actor.current() == null) {
            body.remove("reportedBy"); // a member of staff's name: for signed-in users only
        }
        if (found.details() != null) {
            // the analysis beyond the event: areas of concern, how each zone was drawn, every sample comparison
            EventJson.mapper().readTree(found.details().toJson()).properties().forEach(e -> body.set(e.getKey(), e.getValue()));
        }
        if (found.withdrawn()) {
            body.put("withdrawn", true);
            body.put("withdrawnAt", found.withdrawnAt() == null ? null : found.withdrawnAt().toString());
            body.put("withdrawnReason", found.withdrawnReason());
        }
        return body;
    }
}
