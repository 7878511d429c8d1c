package org.steppewatch.incident.assessment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.incident.incident.IncidentStore;
import org.steppewatch.security.Actor;
import org.steppewatch.web.Problems;

@RestController
class AssessmentController {

    private final AssessmentStore assessments;
    private final IncidentStore incidents;

    AssessmentController(AssessmentStore assessments, IncidentStore incidents) {
        this.assessments = assessments;
        this.incidents = incidents;
    }

    /**
     * The assessment as analysis-service published it (the IncidentAssessed event fields); who reported the version
     * ({@code reportedBy}) only for signed-in users.
     */
    @GetMapping("/api/v1/incidents/{id}/assessment")
    IncidentAssessed latest(@PathVariable String id) {
        if (!incidents.exists(id)) {
            throw Problems.notFound("No incident with id " + id + ".");
        }
        return assessments.latest(id)
                .map(a -> Actor.current() == null ? a.withReportedBy(null) : a)
                .orElseThrow(() -> Problems.notFound("Incident " + id + " is not assessed yet."));
    }
}
