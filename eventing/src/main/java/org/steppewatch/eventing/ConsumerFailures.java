package org.steppewatch.eventing;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaProducerException;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import tools.jackson.core.JacksonException;

/** What a listener's failure says about its record: the infrastructure blinked, or the record can never be processed. */
final class ConsumerFailures {

    private ConsumerFailures() {
    }

    /**
     * MongoDB unreachable or timing out, a replica set electing, Kafka failing a send, or {@link RetryLater}:
     * the record is good and waits for the dependency. A send Kafka can never accept (the listener's own message
     * too large, say) is not waited for: retrying it would hold the partition for ever.
     */
    static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KafkaProducerException && PublishFailures.isPermanent(t)) {
                return false;
            }
            if (t instanceof RetryLater || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException || t instanceof KafkaProducerException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Failures no retry can mend, sent to the dead-letter topic at once: a payload that is not JSON or does not
     * fit its event type ({@link ReceivedEvent#decode()} throws Jackson's exceptions; a record's constructor
     * refusing a value surfaces as one too).
     */
    @SuppressWarnings("unchecked")
    static Class<? extends Exception>[] poison() {
        return new Class[] {JacksonException.class};
    }
}
