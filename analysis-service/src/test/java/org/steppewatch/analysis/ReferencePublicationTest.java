package org.steppewatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steppewatch.analysis.reference.ReferenceData;
import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.ReferenceDataPublished;
import org.steppewatch.eventing.reference.ReferenceChunks;
import org.steppewatch.eventing.reference.ReferenceEdition;
import org.steppewatch.eventing.reference.ReferenceEditionListener;
import org.steppewatch.eventing.reference.ReferenceTopicReader;
import org.steppewatch.testsupport.TestInfrastructure;
import org.steppewatch.testsupport.TestIssuer;

/**
 * analysis-service publishes the reference data in use on reference.v1 (a real broker), read back here as the other
 * services read it: at start when the topic does not hold it, after an import and after a revert, each under a
 * higher revision, and a GeoNames dump of tens of thousands of settlements in records that all fit the broker; an
 * import another instance stored and published is followed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + AnalysisServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReferencePublicationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN = TestIssuer.get().bearer("admin-test", "admin");
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Editions editions = new Editions();
    private ReferenceTopicReader reader;

    @LocalServerPort
    int port;

    @Autowired
    ReferenceData reference;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("analysis-pub"));
        registry.add("spring.mongodb.database", () -> "analysis-pub-" + RUN);
        registry.add("spring.kafka.consumer.group-id", () -> "analysis-pub-" + RUN);
        registry.add("steppewatch.security.issuer-uri", () -> TestIssuer.get().issuer());
    }

    /** Another service's reader of the topic. */
    @BeforeEach
    void readTheTopic() {
        reader = new ReferenceTopicReader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer()),
                List.of(editions), Duration.ofMillis(500));
        reader.start();
    }

    @AfterEach
    void stopReading() {
        reader.stop();
    }

    @Test
    void theEditionInUseIsOnTheTopicAfterStartAndEachImportAndRevertFollowsUnderAHigherRevision() throws Exception {
        String shipped = reference.current().version();
        await().atMost(WITHIN).until(() -> editions.latest() != null && editions.latest().referenceDataVersion().equals(shipped));
        long atStart = editions.latest().revision();

        String id = "gn:" + (95_000_000 + Math.abs(RUN.hashCode() % 1_000_000));
        String dump = ReferenceDataImportIntegrationTest.geonamesLine(Long.parseLong(id.substring(3)), "Kosagash", "Kosagash",
                "Kosagash,Косагаш", 47.1, 64.2, "P", "PPL", 312);
        HttpResponse<String> imported = send("POST", "/api/v1/settlements/import", "text/tab-separated-values", dump);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String importedVersion = EventJson.mapper().readTree(imported.body()).path("referenceDataVersion").asString();

        await().atMost(WITHIN).until(() -> editions.latest().referenceDataVersion().equals(importedVersion));
        ReferenceEdition afterImport = editions.latest();
        assertThat(afterImport.revision()).isGreaterThan(atStart);
        ReferenceDataPublished.Settlement kosagash = afterImport.settlements().stream().filter(s -> s.id().equals(id))
                .findFirst().orElseThrow();
        assertThat(kosagash.nameRu()).isEqualTo("Косагаш");
        assertThat(kosagash.population()).isEqualTo(312);
        // the shipped catalogue travels with it: one truth, not only the imports
        assertThat(afterImport.settlements()).extracting(ReferenceDataPublished.Settlement::id).contains("gn:1521368");
        assertThat(afterImport.dropZones()).isNotEmpty();
        assertThat(afterImport.areasOfConcern()).isNotEmpty();

        HttpResponse<String> reverted = send("DELETE", "/api/v1/settlements/imported", null, null);
        assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
        // the earlier content again, under a new revision, so that readers holding the import move back to it
        await().atMost(WITHIN).until(() -> editions.latest().referenceDataVersion().equals(shipped));
        assertThat(editions.latest().revision()).isGreaterThan(afterImport.revision());
        assertThat(editions.latest().settlements()).extracting(ReferenceDataPublished.Settlement::id).doesNotContain(id);
    }

    @Test
    void aDumpOfThirtyThousandSettlementsIsPublishedInRecordsTheBrokerTakesAndArrivesWhole() throws Exception {
        int base = 96_000_000;
        String dump = IntStream.range(0, 30_000).mapToObj(i -> ReferenceDataImportIntegrationTest.geonamesLine(base + i,
                        "Aul " + i, "Aul " + i, "Aul " + i + ",Аул " + i, 42 + (i % 1000) * 0.01, 50 + (i / 1000) * 0.3, "P", "PPL", i))
                .collect(Collectors.joining("\n"));
        HttpResponse<String> imported = send("POST", "/api/v1/settlements/import", "text/tab-separated-values", dump);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String version = EventJson.mapper().readTree(imported.body()).path("referenceDataVersion").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> editions.latest() != null
                && editions.latest().referenceDataVersion().equals(version));
        assertThat(editions.latest().settlements()).extracting(ReferenceDataPublished.Settlement::id)
                .contains("gn:" + base, "gn:" + (base + 29_999));
        assertThat(mongo.getCollection("parkedEvents").countDocuments()).as("nothing too large for the broker").isZero();
        assertThat(send("DELETE", "/api/v1/settlements/imported", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anImportAnotherInstanceStoredAndPublishedIsInUseHereWithinSeconds() throws Exception {
        String id = "gn:" + (97_000_000 + Math.abs(RUN.hashCode() % 1_000_000));
        await().atMost(WITHIN).until(() -> editions.latest() != null);
        // what the other instance's import wrote to the shared database, before publishing
        mongo.insert(new Document("_id", id).append("name", "Shieli").append("nameRu", "Шиели").append("nameKk", "Шиелі")
                .append("lon", 66.75).append("lat", 44.17).append("population", 30000).append("source", "GeoNames KZ dump")
                .append("populationSource", "GeoNames").append("alternateNames", List.of()).append("importedAt", new Date()),
                "imported_settlements");
        assertThat(reference.current().settlements().all()).noneMatch(s -> s.id().equals(id));
        ReferenceEdition theirs = new ReferenceEdition(editions.latest().revision() + 1, "sha256:00000000000000c1",
                editions.latest().settlements(), editions.latest().dropZones(), editions.latest().areasOfConcern(), Instant.now());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (ReferenceDataPublished chunk : ReferenceChunks.of(theirs, ReferenceChunks.MAX_CHUNK_BYTES)) {
                producer.send(new ProducerRecord<>(chunk.topic(), chunk.key(), EventJson.mapper().writeValueAsString(chunk))).get();
            }
        }

        await().atMost(WITHIN).until(() -> reference.current().settlements().all().stream().anyMatch(s -> s.id().equals(id)));
        assertThat(send("DELETE", "/api/v1/settlements/imported", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ADMIN);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final class Editions implements ReferenceEditionListener {

        private final List<ReferenceEdition> received = new CopyOnWriteArrayList<>();

        @Override
        public void editionReceived(ReferenceEdition edition) {
            received.add(edition);
        }

        ReferenceEdition latest() {
            return received.isEmpty() ? null : received.get(received.size() - 1);
        }
    }
}
