package org.steppewatch.eventing;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a message that can never be published from a failure that passes. Permanent: Kafka's non-retriable
 * errors about the record (RecordTooLargeException, InvalidTopicException, a record the broker finds invalid...)
 * and what the producer rejects before sending (SerializationException, an IllegalArgumentException). Everything
 * else is retried: Kafka's retriable errors, timeouts, and the non-retriable ones that describe the client or the
 * cluster rather than the record (credentials, ACLs, a fenced or out-of-sequence producer, an old broker), which
 * an operator fixes without touching the message: parking every message while an ACL is missing would empty the
 * outbox into the parked list.
 */
final class PublishFailures {

    private PublishFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof TimeoutException || isAboutTheClient(t)) {
                return false;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SerializationException || t instanceof ApiException || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAboutTheClient(Throwable t) {
        return t instanceof AuthenticationException || t instanceof AuthorizationException
                || t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                || t instanceof OutOfOrderSequenceException || t instanceof UnsupportedVersionException;
    }
}
