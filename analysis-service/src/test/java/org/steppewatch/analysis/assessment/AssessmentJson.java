package org.steppewatch.analysis.assessment;

import org.steppewatch.contracts.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An assessment as {@code GET /api/v1/assessments/{id}} serves it: the event's fields and the details beside them. */
final class AssessmentJson {

    private AssessmentJson() {
    }

    static ObjectNode of(IncidentAssessor.Assessment assessment) {
        ObjectNode body = EventJson.mapper().valueToTree(assessment.event());
        JsonNode details = EventJson.mapper().valueToTree(assessment.details());
        details.properties().forEach(e -> body.set(e.getKey(), e.getValue()));
        return body;
    }
}
