package org.steppewatch.eventing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in the {@code outbox} array of aggregate documents, oldest first
 * per document, and removes each one only after Kafka acknowledged it. If Kafka or MongoDB is
 * down the events stay where they are and the relay tries again: at-least-once, and consumers are
 * idempotent. A short lease on the document keeps two service instances from relaying it at once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLeaseUntil";
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final CloudEventPublisher publisher;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration lease;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, List<String> collections, Duration pollInterval,
                Duration sendTimeout, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = collections;
        this.pollInterval = pollInterval;
        this.lease = sendTimeout.multipliedBy(4).plusSeconds(5);
        this.clock = clock;
    }

    /** Asks the relay to look now rather than at its next poll; call after storing an event. */
    public void wake() {
        wakeUp.release();
    }

    /** Events published since start, for tests and metrics. */
    public long publishedCount() {
        return published.get();
    }

    /** One pass over every outbox collection; returns how many events were published. */
    int relayOnce() {
        int count = 0;
        for (String collection : collections) {
            count += relay(collection);
        }
        return count;
    }

    private int relay(String collection) {
        int count = 0;
        Instant now = clock.instant();
        List<Document> candidates = mongo.find(
                query(where(OutboxMessage.FIELD + ".0").exists(true)).limit(BATCH), Document.class, collection);
        for (Document candidate : candidates) {
            Document claimed = claim(collection, candidate.get("_id"), now);
            if (claimed == null) {
                continue;
            }
            count += publishAll(collection, claimed);
        }
        return count;
    }

    private Document claim(String collection, Object id, Instant now) {
        Criteria leaseFree = new Criteria().orOperator(where(LEASE).exists(false), where(LEASE).lt(Date.from(now)));
        return mongo.findAndModify(
                query(where("_id").is(id).andOperator(leaseFree)),
                new Update().set(LEASE, Date.from(now.plus(lease))),
                FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
    }

    private int publishAll(String collection, Document aggregate) {
        Object id = aggregate.get("_id");
        int count = 0;
        try {
            for (Document stored : aggregate.getList(OutboxMessage.FIELD, Document.class, List.of())) {
                OutboxMessage message = mongo.getConverter().read(OutboxMessage.class, stored);
                publisher.publish(message);
                mongo.updateFirst(query(where("_id").is(id)),
                        new Update().pull(OutboxMessage.FIELD, new Document("eventId", message.eventId())), collection);
                published.incrementAndGet();
                count++;
            }
        } catch (CloudEventPublisher.PublishFailed e) {
            // the rest of this aggregate's events wait too, so their order on the topic is kept
            log.warn("{}; will retry: {}", e.getMessage(), rootMessage(e));
        } finally {
            mongo.updateFirst(query(where("_id").is(id)), new Update().unset(LEASE), collection);
        }
        return count;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void loop() {
        while (running) {
            try {
                int count = relayOnce();
                if (count == 0) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // MongoDB unreachable or similar: the events are safe in their documents, try again later
                log.warn("outbox relay pass failed, retrying in {}: {}", pollInterval, rootMessage(e));
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (collections.isEmpty() || running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
