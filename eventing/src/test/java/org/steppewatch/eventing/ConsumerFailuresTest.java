package org.steppewatch.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;

/** Which listener failures are waited out (the record is good) rather than counted towards the dead-letter topic. */
class ConsumerFailuresTest {

    @Test
    void aDependencyThatBlinkedIsWaitedOut() {
        assertThat(ConsumerFailures.isInfrastructure(inListener(
                new DataAccessResourceFailureException("Timed out while waiting for a server")))).isTrue();
        assertThat(ConsumerFailures.isInfrastructure(inListener(new IllegalStateException("wrapped",
                new MongoSocketOpenException("refused", new ServerAddress("localhost", 27017)))))).isTrue();
        assertThat(ConsumerFailures.isInfrastructure(inListener(new RetryLater("index loading")))).isTrue();
        assertThat(ConsumerFailures.isInfrastructure(inListener(
                new KafkaProducerException(null, "send failed", new NetworkException("broker gone"))))).isTrue();
    }

    @Test
    void aBugOrASendThatCanNeverSucceedIsNot() {
        assertThat(ConsumerFailures.isInfrastructure(inListener(new IllegalArgumentException("no incidentId")))).isFalse();
        assertThat(ConsumerFailures.isInfrastructure(inListener(new NullPointerException()))).isFalse();
        assertThat(ConsumerFailures.isInfrastructure(inListener(
                new KafkaProducerException(null, "send failed", new RecordTooLargeException("too large"))))).isFalse();
    }

    private static Exception inListener(Exception thrown) {
        return new ListenerExecutionFailedException("listener failed", thrown);
    }
}
