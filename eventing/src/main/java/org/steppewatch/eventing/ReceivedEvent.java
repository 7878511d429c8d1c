package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steppewatch.contracts.ContaminationEvent;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.SteppeWatchEvent;

/** A CloudEvent read from a Kafka record in binary mode. */
public record ReceivedEvent(String id, String type, String source, String subject, String payload) {

    private static final Logger log = LoggerFactory.getLogger(ReceivedEvent.class);

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        return new ReceivedEvent(header(record, EventHeaders.ID), header(record, EventHeaders.TYPE),
                header(record, EventHeaders.SOURCE), header(record, EventHeaders.SUBJECT), record.value());
    }

    /**
     * The typed event, or empty for a type this version does not know (a newer producer's):
     * such records are skipped, not failed.
     *
     * @throws tools.jackson.core.JacksonException when a known type carries a malformed payload
     */
    public Optional<SteppeWatchEvent> decode() {
        Optional<SteppeWatchEvent> event = EventTypes.recordFor(type).map(recordType -> EventJson.read(payload, recordType));
        if (event.isEmpty()) {
            log.debug("skipping event {} of unknown type {} (subject {})", id, type, subject);
        }
        return event;
    }

    /** The typed contamination event, or empty for any other type (skipped, not failed). */
    public Optional<ContaminationEvent> decodeContamination() {
        Optional<ContaminationEvent> event = EventTypes.contaminationRecordFor(type)
                .map(recordType -> EventJson.readContamination(payload, recordType));
        if (event.isEmpty()) {
            log.debug("skipping event {} of type {} (subject {}): not a contamination event", id, type, subject);
        }
        return event;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
