package org.steppewatch.eventing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.steppewatch.contracts.EventHeaders;

/** Publishes an outbox message as a CloudEvent in binary mode and waits for the broker's acknowledgement. */
class CloudEventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final String source;
    private final Duration timeout;

    CloudEventPublisher(KafkaTemplate<String, String> kafka, String source, Duration timeout) {
        this.kafka = kafka;
        this.source = source;
        this.timeout = timeout;
    }

    void publish(OutboxMessage message) throws PublishFailed {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        Headers headers = record.headers();
        headers.add(EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(EventHeaders.ID, message.eventId().getBytes(UTF_8));
        headers.add(EventHeaders.SOURCE, source.getBytes(UTF_8));
        headers.add(EventHeaders.TYPE, message.type().getBytes(UTF_8));
        headers.add(EventHeaders.TIME, message.time().toString().getBytes(UTF_8));
        headers.add(EventHeaders.SUBJECT, message.key().getBytes(UTF_8));
        headers.add(EventHeaders.CONTENT_TYPE, EventHeaders.JSON.getBytes(UTF_8));
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed(message, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailed(message, e);
        }
    }

    static final class PublishFailed extends Exception {

        private final boolean permanent;

        PublishFailed(OutboxMessage message, Throwable cause) {
            super("could not publish " + message.type() + " " + message.eventId() + " to " + message.topic(), cause);
            this.permanent = PublishFailures.isPermanent(cause);
        }

        /** The message itself cannot be published, however often it is tried: see {@link PublishFailures}. */
        boolean permanent() {
            return permanent;
        }
    }
}
