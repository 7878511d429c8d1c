package org.steppewatch.analysis.assessment;

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

    private final AssessmentStore store;

    AssessmentController(AssessmentStore store) {
        this.store = store;
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
