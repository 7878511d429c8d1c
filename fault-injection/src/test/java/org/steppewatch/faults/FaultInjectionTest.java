package org.steppewatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.steppewatch.faults.ServiceProcess.Service;

/**
 * The delivery guarantees under real faults, on a real Kafka broker and MongoDB server that the test stops and starts
 * again, with the services running as users run them ({@code java -jar steppewatch.jar}) in processes of their own.
 * Every scenario reports Proton-M crashes next to Baikonur to subscribers of Baikonur and checks, from what it did
 * itself ({@link Ledger}): every delivery that must arrive arrived, duplicates carry one webhook-id, nobody's last
 * message is stale, no retracted incident keeps an uncancelled alert, nothing waits in a dead-letter topic.
 * The delivery schedule runs ten times faster than the default (see {@link ServiceProcess#TIME_COMPRESSED}).
 * Scenario 3, the whole stack killed, is {@link WholeStackKillTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static Lab lab;
    private static Receivers receivers;
    private static ServiceProcess first;
    private static final Api api = new Api();

    /** Before the lab and its logs are gone (after all scenarios): a failed scenario's logs are kept. */
    @RegisterExtension
    static final TestWatcher KEEP_LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (lab != null) {
                FaultLogs.keep(context.getRequiredTestMethod().getName(), lab.instances());
            }
        }
    };

    @BeforeAll
    static void start() {
        receivers = new Receivers();
        lab = new Lab();
        first = lab.startInstance();
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        if (receivers != null) {
            receivers.close();
        }
    }

    private static String notifications() {
        return first.url(Service.NOTIFICATION);
    }

    private static String incidents() {
        return first.url(Service.INCIDENT);
    }

    private static Ledger.Tally settle(Ledger ledger, Duration deadline) {
        return Scenarios.settle(ledger, receivers, deadline, lab.kafka(), api, notifications());
    }

    @Test
    @Order(1)
    void incidentsReportedBeforeAndDuringAMinuteWithoutTheBrokerReachEverySubscriber() {
        Ledger ledger = new Ledger();
        var subs = Scenarios.subscribe(api, notifications(), ledger, "kafka", 20, i -> receivers.healthyUrl(""));
        for (int i = 0; i < 3; i++) {
            ledger.reported(api.report(incidents(), "Broker outage, before " + i, 170_000 + i), Ledger.Fate.STANDS);
        }
        lab.stopKafka();
        // reported while the broker is away: stored with their events, which wait in the outbox
        for (int i = 0; i < 3; i++) {
            ledger.reported(api.report(incidents(), "Broker outage, during " + i, 171_000 + i), Ledger.Fate.STANDS);
        }
        Scenarios.lasting(OUTAGE);
        lab.startKafka();
        long back = System.nanoTime();

        Ledger.Tally tally = settle(ledger, Duration.ofMinutes(4));
        assertThat(tally.expected()).isEqualTo(6 * 20);
        Results.row("1. Kafka broker stopped 60 s mid-flow", tally, Ledger.seconds(back, tally.lastArrivalNanos()));
        Scenarios.unsubscribe(api, notifications(), subs);
    }

    @Test
    @Order(2)
    void eventsInFlightWhenMongoDbStopsForAMinuteAreDeliveredAfterItReturnsAndNoneIsDeadLettered() {
        Ledger ledger = new Ledger();
        var subs = Scenarios.subscribe(api, notifications(), ledger, "mongo", 20, i -> receivers.healthyUrl(""));
        for (int i = 0; i < 3; i++) {
            ledger.reported(api.report(incidents(), "Database outage " + i, 172_000 + i), Ledger.Fate.STANDS);
        }
        // at once: the reports are on their way through the relay, analysis and notification
        lab.stopMongo();
        Scenarios.lasting(OUTAGE);
        lab.startMongo();
        long back = System.nanoTime();

        Ledger.Tally tally = settle(ledger, Duration.ofMinutes(4));
        assertThat(tally.expected()).isEqualTo(3 * 20);
        Results.row("2. MongoDB stopped 60 s mid-flow", tally, Ledger.seconds(back, tally.lastArrivalNanos()));
        Scenarios.unsubscribe(api, notifications(), subs);
    }

    @Test
    @Order(4)
    void aReceiverDownLongerThanTheOldRetryWindowStillGetsTheAlert() {
        Ledger ledger = new Ledger();
        var subs = new ArrayList<>(Scenarios.subscribe(api, notifications(), ledger, "down", 5,
                i -> receivers.switchableUrl("")));
        subs.addAll(Scenarios.subscribe(api, notifications(), ledger, "up", 5, i -> receivers.healthyUrl("")));
        receivers.switchOff();
        ledger.reported(api.report(incidents(), "Receiver outage", 173_000), Ledger.Fate.STANDS);
        // the old schedule (8 attempts from 2 s doubling) gave up after 254 s, 25.4 s at this compression
        Scenarios.lasting(Duration.ofSeconds(27));
        receivers.switchOn();
        long back = System.nanoTime();

        Ledger.Tally tally = settle(ledger, Duration.ofMinutes(2));
        assertThat(tally.expected()).isEqualTo(10);
        Results.row("4. receiver down 27 s (> the old 254 s window, compressed 10x)", tally,
                Ledger.seconds(back, tally.lastArrivalNanos()));
        Scenarios.unsubscribe(api, notifications(), subs);
    }

    @Test
    @Order(5)
    void oneTarpitReceiverDoesNotHoldUpAThousandHealthyOnes() {
        Ledger ledger = new Ledger();
        var subs = new ArrayList<>(Scenarios.subscribe(api, notifications(), ledger, "healthy", 1000,
                i -> receivers.healthyUrl("")));
        // not in the ledger: it never answers, so its delivery can only be retried and in the end fail
        subs.addAll(Scenarios.subscribe(api, notifications(), null, "tarpit", 1, i -> receivers.tarpitUrl("")));
        long reported = System.nanoTime();
        ledger.reported(api.report(incidents(), "Tarpit among a thousand", 174_000), Ledger.Fate.STANDS);

        Ledger.Tally tally = settle(ledger, Duration.ofMinutes(3));
        assertThat(tally.expected()).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(30)).until(() -> receivers.tarpitConnections() > 0);
        Results.row("5. one tarpit among 1,000 healthy receivers", tally,
                Ledger.seconds(reported, tally.lastArrivalNanos()) + " (report to last healthy delivery)");
        Scenarios.unsubscribe(api, notifications(), subs);
    }

    @Test
    @Order(7)
    void retractionsAndRevisionsWithinTheSameMillisecondLeaveNoStaleOrUncancelledAlert() {
        Ledger ledger = new Ledger();
        var subs = Scenarios.subscribe(api, notifications(), ledger, "race", 10, i -> receivers.healthyUrl(""));
        long start = System.nanoTime();
        // 50 of each: since each assessment runs the ensemble, 100 of each no longer settled within the deadline on 2 cores
        Scenarios.inParallel(8, 100, i -> {
            String id = api.report(incidents(), "Race " + i, 175_000 + i);
            // the second request goes out the moment the first is answered
            if (i % 2 == 0) {
                api.retract(incidents(), id);
                ledger.reported(id, Ledger.Fate.RETRACTED);
            } else {
                api.revise(incidents(), id, "Race " + i + " revised", 150_000 + i);
                ledger.reported(id, Ledger.Fate.REVISED);
            }
            return id;
        });

        Ledger.Tally tally = settle(ledger, Duration.ofMinutes(5));
        Results.row("7. report-then-retract and v1-then-v2 at once, 50 each", tally,
                Ledger.seconds(start, tally.lastArrivalNanos()) + " (first report to last delivery)");
        Scenarios.unsubscribe(api, notifications(), subs);
    }

    @Test
    @Order(8)
    void whenOneOfTwoInstancesIsKilledMidFanOutTheOtherFinishesIt() {
        ServiceProcess second = lab.startInstance();
        Ledger ledger = new Ledger();
        List<Api.Subscription> subs = Scenarios.subscribe(api, second.url(Service.NOTIFICATION), ledger, "pair", 2000,
                i -> receivers.healthyUrl(""));
        String id = api.report(incidents(), "Two instances, one killed", 176_000);
        ledger.reported(id, Ledger.Fate.STANDS);
        await().atMost(Duration.ofMinutes(2)).until(() ->
                receivers.received().stream().filter(r -> r.incidentId().equals(id)).count() >= 200);
        second.kill();
        long killed = System.nanoTime();

        Ledger.Tally tally = settle(ledger, Duration.ofMinutes(4));
        assertThat(tally.expected()).isEqualTo(2000);
        Results.row("6. two instances of each service, one killed (kill -9) mid-fan-out", tally,
                Ledger.seconds(killed, tally.lastArrivalNanos()));
        Scenarios.unsubscribe(api, notifications(), subs);
    }
}
