package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which send failures park an outbox event: Kafka's javadoc marks the retriable ones (RetriableException). */
class PublishFailuresTest {

    @Test
    void whatTheRecordItselfCausesIsPermanent() {
        assertThat(PublishFailures.isPermanent(wrapped(new RecordTooLargeException("1048588 bytes")))).isTrue();
        assertThat(PublishFailures.isPermanent(wrapped(new InvalidTopicException("bad name")))).isTrue();
        assertThat(PublishFailures.isPermanent(new SerializationException("cannot serialise"))).isTrue();
    }

    @Test
    void whatPassesOrWhatAnOperatorFixesIsRetried() {
        assertThat(PublishFailures.isPermanent(wrapped(new NetworkException("broker gone")))).isFalse();
        assertThat(PublishFailures.isPermanent(wrapped(new NotEnoughReplicasException("1 of 3")))).isFalse();
        assertThat(PublishFailures.isPermanent(wrapped(new org.apache.kafka.common.errors.TimeoutException("metadata"))))
                .isFalse();
        assertThat(PublishFailures.isPermanent(new TimeoutException())).isFalse();
        assertThat(PublishFailures.isPermanent(wrapped(new TopicAuthorizationException("no ACL")))).isFalse();
        assertThat(PublishFailures.isPermanent(wrapped(new SaslAuthenticationException("wrong password")))).isFalse();
        assertThat(PublishFailures.isPermanent(new IllegalStateException("producer closed"))).isFalse();
    }

    private static Exception wrapped(Exception cause) {
        return new ExecutionException(new org.springframework.kafka.core.KafkaProducerException(null, "send failed", cause));
    }
}
