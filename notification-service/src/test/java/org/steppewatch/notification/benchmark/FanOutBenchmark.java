package org.steppewatch.notification.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.steppewatch.contracts.EventHeaders;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.EventTypes;
import org.steppewatch.contracts.Geo;
import org.steppewatch.contracts.GeoJsonModule;
import org.steppewatch.contracts.IncidentAssessed;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.Severity;
import org.steppewatch.contracts.Topics;
import org.steppewatch.embedded.EmbeddedMongo;
import org.steppewatch.notification.NotificationServiceApplication;
import org.steppewatch.notification.delivery.DeliveryWorker;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.notification.subscription.SubscriptionIndex;
import org.steppewatch.notification.subscription.SubscriptionStore;
import org.steppewatch.testsupport.TestInfrastructure;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Fan-out load driver: 100,000 webhook subscriptions inside one threat zone, one assessment, and
 * a local webhook receiver (Netty on 127.0.0.1, keep-alive, one thread) that counts every
 * {@code webhook-id}. A warm-up round of 20,000 other subscriptions comes first, so that the
 * measured round runs on compiled code as a service that has been up a while does; it is reported
 * too. Prints deliveries per second, losses and duplicates, and the MongoDB backend.
 * Not part of the normal test run (tag "benchmark"); run it with
 * <pre>./mvnw -pl notification-service -Pfanout-benchmark verify</pre>
 * or, from the module, {@code mvn -Pfanout-benchmark test}. {@code -Dbenchmark.mongo=h2} runs it on
 * the H2 file backend instead of the memory one, {@code -Dbenchmark.subscriptions=N} and
 * {@code -Dbenchmark.warmup=N} change the sizes ({@code 0}: no warm-up), {@code -Dbenchmark.rounds=N}
 * the number of measured rounds (3: each alerts the same subscriptions about a new incident; the
 * median is reported).
 * Everything stays on the loopback interface and stops by itself.
 */
@Tag("benchmark")
class FanOutBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(8);
    /** The measured threat zone, east of the 2013 Proton-M impact point. */
    private static final Envelope ZONE = new Envelope(63.15, 63.5, 45.5, 45.75);
    /** The warm-up round's zone, far from the measured one, so no subscription is in both. */
    private static final Envelope WARM_UP_ZONE = new Envelope(66.0, 66.35, 47.0, 47.25);

    @Test
    void fanOutToOneHundredThousandWebhooksDeliversEachExactlyOnce() throws Exception {
        int count = Integer.getInteger("benchmark.subscriptions", 100_000);
        int warmUpCount = Integer.getInteger("benchmark.warmup", 20_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        String backend = System.getProperty("benchmark.mongo", "memory");
        Path dataDir = Files.createTempDirectory("fanout-benchmark");
        EmbeddedMongo mongo = "h2".equals(backend) ? EmbeddedMongo.startPersistent(dataDir.resolve("mongo.mv"), 0)
                : EmbeddedMongo.startInMemory();
        String kafka = TestInfrastructure.get().kafkaBootstrapServers();
        CountingReceiver receiver = CountingReceiver.start(count);
        ConfigurableApplicationContext context = NotificationServiceApplication.application().run(args(Map.ofEntries(
                Map.entry("spring.kafka.bootstrap-servers", kafka),
                Map.entry("spring.kafka.consumer.group-id", "fanout-benchmark-" + UUID.randomUUID()),
                Map.entry("spring.mongodb.uri", mongo.connectionString() + "/fanout"),
                Map.entry("spring.mongodb.database", "fanout"),
                Map.entry("server.port", "0"),
                Map.entry("steppewatch.delivery.per-host-concurrency", System.getProperty("benchmark.concurrency", "64")),
                Map.entry("steppewatch.delivery.concurrency", System.getProperty("benchmark.concurrency", "64")),
                Map.entry("steppewatch.delivery.claim-batch", "5000"),
                Map.entry("steppewatch.delivery.max-outstanding", "20000"),
                // the receiver is on 127.0.0.1, which production refuses
                Map.entry("steppewatch.webhook.allow", "127.0.0.0/8"),
                Map.entry("logging.level.org.steppewatch.notification.delivery", System.getProperty("benchmark.log", "WARN")))));
        try {
            Instant setupStarted = Instant.now();
            Random random = new Random(42);
            List<Subscription> subscriptions = new ArrayList<>(subscriptions(warmUpCount, WARM_UP_ZONE, receiver.url(), random));
            subscriptions.addAll(subscriptions(count, ZONE, receiver.url(), random));
            context.getBean(SubscriptionStore.class).insertAll(subscriptions);
            context.getBean(SubscriptionIndex.class).reload();
            Duration seeding = Duration.between(setupStarted, Instant.now());

            List<String> report = new ArrayList<>();
            // rows of the Markdown table benchmarks/fanout.sh prints: store | round | warm or cold | figures
            List<String> rows = new ArrayList<>();
            report.add("FanOutBenchmark on " + Runtime.getRuntime().availableProcessors() + " cores, MongoDB: mongo-java-server "
                    + backend + " backend (client and server in this JVM), Kafka: embedded KRaft broker");
            report.add(String.format("subscriptions: %,d measured + %,d warm-up (seeded in %.1f s)", count, warmUpCount,
                    seeding.toMillis() / 1000.0));
            if (warmUpCount > 0) {
                // the JIT compiles the hot path (HMAC-SHA256 among it) in the first seconds of a JVM's life
                Round warmUp = fanOut(context, kafka, receiver, WARM_UP_ZONE, warmUpCount);
                report.add(String.format("warm-up round: %,d deliveries, %,.0f/s, lost %,d, duplicates %,d", warmUpCount,
                        warmUpCount / warmUp.seconds(), warmUp.lost(), warmUp.duplicates()));
                rows.add(row(backend, "warm-up", "cold (JVM just started)", warmUpCount, warmUp));
                assertThat(warmUp.lost()).isZero();
                assertThat(warmUp.duplicates()).isZero();
                receiver.reset();
            }
            // each round alerts the same subscriptions about a new incident, as a community gets alert after alert
            List<Double> rates = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                Round round = fanOut(context, kafka, receiver, ZONE, count);
                receiver.reset();
                rates.add(count / round.seconds());
                rows.add(row(backend, "round " + r, warmUpCount > 0 ? "warm" : r == 1 ? "cold" : "warm", count, round));
                report.add(String.format("round %d: %,d deliveries created %.2f s after publishing (sending overlaps this); "
                        + "all received after %.2f s, all recorded SENT after %.2f s: %,.0f deliveries/s "
                        + "(%,.0f/s to the last receipt); requests %,d, distinct webhook-ids %,d, lost %,d, duplicates %,d, "
                        + "recorded SENT %,d; bodies %,d bytes on average", r, count, round.createdSeconds(),
                        round.toLastArrival(), round.seconds(), count / round.seconds(), count / round.toLastArrival(),
                        round.requests(), round.distinct(), round.lost(), round.duplicates(), round.sent(),
                        round.bodyBytes() / Math.max(1, round.requests())));
                System.out.println(report.get(report.size() - 1));
                assertThat(round.lost()).isZero();
                assertThat(round.duplicates()).isZero();
                assertThat(round.sent()).isEqualTo(count);
            }
            List<Double> sorted = rates.stream().sorted().toList();
            report.add(String.format("deliveries/s, publish to last delivery recorded SENT, median of %d rounds: %,.0f "
                    + "(lowest %,.0f, highest %,.0f); lost 0, duplicates 0 in every round", rounds,
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1)));
            report.forEach(System.out::println);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "fanout-benchmark-" + backend + ".txt"), report, UTF_8);
            Files.write(Path.of("target", "fanout-benchmark-" + backend + ".rows.md"), rows, UTF_8);
        } finally {
            context.close();
            receiver.stop();
            mongo.close();
        }
    }

    /** One row: store, round, warm or cold, deliveries, per second to the last SENT and to the last receipt, lost, duplicates. */
    private static String row(String backend, String name, String warmth, int count, Round round) {
        return String.format("| %s | %s | %s | %,d | **%,.0f** | %,.0f | %,d | %,d |", backend, name, warmth, count,
                count / round.seconds(), count / round.toLastArrival(), round.lost(), round.duplicates());
    }

    private record Round(double seconds, double createdSeconds, double toLastArrival, long requests, long distinct,
                         long lost, long duplicates, long sent, long bodyBytes) {
    }

    /** Publishes one assessment whose zone holds {@code count} subscriptions and waits until all are delivered and recorded. */
    private static Round fanOut(ConfigurableApplicationContext context, String kafka, CountingReceiver receiver,
                                Envelope zone, int count) throws Exception {
        String incident = "bench-" + UUID.randomUUID();
        long started = System.nanoTime();
        publish(kafka, assessment(incident, zone));
        MongoTemplate db = context.getBean(MongoTemplate.class);
        long createdAt = 0;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long sent = 0;
        // polls cheaply (counting in MongoDB would take CPU from the service) until everything arrived
        while (System.nanoTime() < deadline) {
            if (createdAt == 0 && db.exists(Query.query(Criteria.where("_id").is(alertId(incident))
                    .and("fanOutDone").is(true)), "alerts")) {
                createdAt = System.nanoTime();
            }
            if (receiver.distinct() >= count && context.getBean(DeliveryWorker.class).outstanding() == 0) {
                sent = db.count(Query.query(Criteria.where("incidentId").is(incident).and("state").is("SENT")),
                        "deliveries");
                if (sent >= count) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        long finished = System.nanoTime();
        long distinct = receiver.distinct();
        return new Round((finished - started) / 1e9, createdAt == 0 ? Double.NaN : (createdAt - started) / 1e9,
                (receiver.lastArrival() - started) / 1e9, receiver.requests(), distinct, count - distinct,
                receiver.requests() - distinct, sent, receiver.bodyBytes());
    }

    /** The alert id the service derives from an incident id and version 1 (AlertService.alertId). */
    private static String alertId(String incidentId) {
        return UUID.nameUUIDFromBytes(("alert:" + incidentId + ":1").getBytes(UTF_8)).toString();
    }

    /** As command-line arguments, which (unlike default properties) override the service's own yml. */
    private static String[] args(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /**
     * Webhook subscriptions at random points inside {@code zone}, made the day before (the index's
     * refresh, which rereads recent changes, has nothing to read again).
     */
    private static List<Subscription> subscriptions(int count, Envelope zone, String url, Random random) {
        byte[] key = new byte[24];
        random.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Instant created = Instant.now().minus(Duration.ofDays(1));
        List<Subscription> subscriptions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double lon = zone.getMinX() + 0.01 + random.nextDouble() * (zone.getWidth() - 0.02);
            double lat = zone.getMinY() + 0.01 + random.nextDouble() * (zone.getHeight() - 0.02);
            Geometry point = Geo.point(lon, lat);
            subscriptions.add(new Subscription(UUID.randomUUID().toString(), "household " + i,
                    new Document("point", Document.parse(GeoJsonModule.write(point))).append("radiusKm", 0.1), point,
                    Subscription.WEBHOOK, url, secret, null, i % 3 == 0 ? "kk" : i % 3 == 1 ? "ru" : "en",
                    Severity.MINOR, Subscription.ACTIVE, created, "x", UUID.randomUUID().toString(), null));
        }
        return subscriptions;
    }

    private static IncidentAssessed assessment(String incidentId, Envelope envelope) {
        Geometry zone = Geo.FACTORY.toGeometry(envelope);
        return new IncidentAssessed(incidentId, 1, IncidentAssessed.assessmentId(incidentId, 1), Instant.now(),
                "shipped-sha256:benchmark",
                new IncidentAssessed.IncidentSummary("Proton-M launch failure after lift-off",
                        IncidentCategory.LAUNCH_FAILURE, Instant.parse("2013-07-02T02:38:22Z"), Geo.point(63.0, 46.05)),
                new IncidentAssessed.FallZoneFinding("OUTSIDE", "RP-15", "RP-15", 180.0, true),
                List.of(new IncidentAssessed.HazardZone("AEGL-2", "UDMH", 3.0, 60, zone, "gaussian-plume", List.of())),
                List.of(new IncidentAssessed.AffectedSettlement("gn:1521368", "Baikonur", "Байконур", "Байқоңыр", 70000,
                        57.0, 153.0, "AEGL-2")),
                List.of(), Severity.EXTREME, "Immediate", "Observed", "benchmark");
    }

    private static void publish(String kafka, IncidentAssessed assessment) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ASSESSMENTS, assessment.incidentId(),
                    EventJson.write(assessment));
            record.headers()
                    .add(EventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8))
                    .add(EventHeaders.SOURCE, "/steppewatch/analysis-service".getBytes(UTF_8))
                    .add(EventHeaders.TYPE, EventTypes.INCIDENT_ASSESSED.getBytes(UTF_8))
                    .add(EventHeaders.TIME, Instant.now().toString().getBytes(UTF_8))
                    .add(EventHeaders.SUBJECT, assessment.incidentId().getBytes(UTF_8))
                    .add(EventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
            producer.send(record).get();
        }
    }

    /**
     * The webhook receiver: a Netty HTTP/1.1 server on 127.0.0.1 with one event-loop thread
     * (keep-alive) that reads every body, counts every {@code webhook-id} and answers 204. Real
     * receivers are on other machines; this one takes as little of the two cores as it can.
     */
    private static final class CountingReceiver {

        private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        private final Map<String, Integer> received;
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong bodyBytes = new AtomicLong();
        private final AtomicLong lastArrival = new AtomicLong();
        private int port;

        private CountingReceiver(int expected) {
            this.received = new ConcurrentHashMap<>(expected * 2);
        }

        static CountingReceiver start(int expected) throws InterruptedException {
            CountingReceiver receiver = new CountingReceiver(expected);
            Channel channel = new ServerBootstrap().group(receiver.loop).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                    receiver.new Counter());
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            receiver.port = ((InetSocketAddress) channel.localAddress()).getPort();
            return receiver;
        }

        private final class Counter extends SimpleChannelInboundHandler<FullHttpRequest> {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                bodyBytes.addAndGet(request.content().readableBytes());
                received.merge(String.valueOf(request.headers().get("webhook-id")), 1, Integer::sum);
                requests.incrementAndGet();
                lastArrival.set(System.nanoTime());
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
                HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
                ctx.writeAndFlush(response);
            }
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hook";
        }

        long distinct() {
            return received.size();
        }

        long requests() {
            return requests.get();
        }

        long bodyBytes() {
            return bodyBytes.get();
        }

        long lastArrival() {
            return lastArrival.get();
        }

        /** Forgets the warm-up round (which has finished: every delivery recorded). */
        void reset() {
            received.clear();
            requests.set(0);
            bodyBytes.set(0);
        }

        void stop() {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
