package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentReported;
import org.steppewatch.contracts.IncidentRetracted;
import org.steppewatch.contracts.IncidentRevised;
import org.steppewatch.contracts.Topics;

/**
 * The consumer keeps per-incident state on a real broker: incident events that arrive late (a replay from the
 * dead-letter topic, a redelivery after a rebalance) change nothing that a newer event settled. Each test ends
 * with a report of another incident on the same partition: once that one is assessed, the late event before it
 * was handled too (one partition is consumed in order).
 */
class IncidentOrderTest extends AnalysisServiceTestBase {

    @Test
    void aRevisionOlderThanTheNewestAssessedVersionIsNotAssessedNorAnnounced() throws Exception {
        String id = newIncidentId();
        Instant at = Instant.now().minus(Duration.ofDays(1));
        try (TopicReader assessments = reader(Topics.ASSESSMENTS)) {
            send(cloudEvent(null, new IncidentReported(id, 1, at, protonM(at))));
            send(cloudEvent(null, new IncidentRevised(id, 3, at.plusSeconds(120), protonM(at))));
            await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessedVersions(assessments, id), versions -> versions.contains(3L));

            RecordMetadata late = send(cloudEvent(null, new IncidentRevised(id, 2, at.plusSeconds(60), protonM(at))));
            awaitHandledBefore(assessments, late);

            assertThat(assessedVersions(assessments, id)).containsExactly(1L, 3L);
            assertThat(documentsOf(id)).isEqualTo(2);
            assertThat(EventJson.mapper().readTree(get("/api/v1/assessments/" + id).body()).path("incidentVersion").asLong())
                    .isEqualTo(3);
        }
    }

    @Test
    void aRetractionOfAnIncidentNeverAssessedIsRememberedAndItsLateReportIsNotAssessed() throws Exception {
        String id = newIncidentId();
        Instant at = Instant.now().minus(Duration.ofDays(1));
        try (TopicReader assessments = reader(Topics.ASSESSMENTS)) {
            send(cloudEvent(null, new IncidentRetracted(id, 2, at.plusSeconds(60), "duplicate report")));
            ConsumerRecord<String, String> announced = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessments.withKey(id), records -> !records.isEmpty()).get(0);
            assertThat(header(announced, EventHeaders.TYPE)).isEqualTo(EventTypes.ASSESSMENT_WITHDRAWN);
            AssessmentWithdrawn withdrawn = EventJson.read(announced.value(), AssessmentWithdrawn.class);
            assertThat(withdrawn.incidentVersion()).isEqualTo(2);
            assertThat(withdrawn.assessmentIds()).isEmpty();

            RecordMetadata late = send(cloudEvent(null, new IncidentReported(id, 1, at, protonM(at))));
            awaitHandledBefore(assessments, late);

            assertThat(documentsOf(id)).isZero();
            assertThat(assessments.withKey(id)).hasSize(1);
        }
    }

    @Test
    void theWithdrawalsVersionIsAboveEveryAssessedVersion() throws Exception {
        String id = newIncidentId();
        Instant at = Instant.now().minus(Duration.ofDays(1));
        try (TopicReader assessments = reader(Topics.ASSESSMENTS)) {
            send(cloudEvent(null, new IncidentReported(id, 1, at, protonM(at))));
            send(cloudEvent(null, new IncidentRevised(id, 2, at.plusSeconds(60), protonM(at))));
            send(cloudEvent(null, new IncidentRetracted(id, 3, at.plusSeconds(120), "duplicate report")));

            ConsumerRecord<String, String> announced = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessments.withKey(id).stream().filter(r -> EventTypes.ASSESSMENT_WITHDRAWN
                            .equals(header(r, EventHeaders.TYPE))).toList(), records -> !records.isEmpty()).get(0);
            long withdrawnAt = EventJson.read(announced.value(), AssessmentWithdrawn.class).incidentVersion();
            List<Long> assessed = await().atMost(DEADLINE).pollInSameThread()
                    .until(() -> assessedVersions(assessments, id), versions -> versions.size() == 2);
            assertThat(assessed).allSatisfy(version -> assertThat(version).isLessThan(withdrawnAt));
            assertThat(withdrawnAt).isEqualTo(3);
        }
    }

    /** Reports another incident on the late event's partition and waits until it is assessed. */
    private static void awaitHandledBefore(TopicReader assessments, RecordMetadata late) throws Exception {
        String marker = newIncidentId();
        send(cloudEvent(late.partition(), new IncidentReported(marker, 1, Instant.now(), protonM(Instant.now()))));
        await().atMost(DEADLINE).pollInSameThread().until(() -> !assessments.withKey(marker).isEmpty());
    }

    private static List<Long> assessedVersions(TopicReader assessments, String id) {
        return assessments.withKey(id).stream().filter(r -> EventTypes.INCIDENT_ASSESSED.equals(header(r, EventHeaders.TYPE)))
                .map(r -> EventJson.read(r.value(), IncidentAssessed.class).incidentVersion()).sorted().toList();
    }
}
