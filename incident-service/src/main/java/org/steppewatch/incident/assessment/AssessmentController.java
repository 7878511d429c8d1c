package org.steppewatch.incident.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.incident.incident.IncidentStatus;
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
     * The current assessment as analysis-service published it (the IncidentAssessed event fields); who reported the
     * version ({@code reportedBy}) only for signed-in users. A retracted incident has none: 410, whether the
     * withdrawal of its assessments has arrived yet or not.
     */
    @GetMapping("/api/v1/incidents/{id}/assessment")
    IncidentAssessed current(@PathVariable String id) {
        IncidentStatus status = incidents.status(id)
                .orElseThrow(() -> Problems.notFound("No incident with id " + id + "."));
        var withdrawal = assessments.withdrawal(id);
        if (status == IncidentStatus.RETRACTED || withdrawal.isPresent()) {
            throw Problems.of(HttpStatus.GONE, "Assessment withdrawn", "Incident " + id + " was retracted"
                    + withdrawal.map(w -> " (" + w.reason() + ")").orElse("") + "; its assessment no longer stands.");
        }
        return assessments.current(id)
                .map(a -> Actor.current() == null ? a.withReportedBy(null) : a)
                .orElseThrow(() -> Problems.notFound("Incident " + id + " is not assessed yet."));
    }
}
