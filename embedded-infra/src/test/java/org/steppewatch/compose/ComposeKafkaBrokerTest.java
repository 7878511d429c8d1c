package org.steppewatch.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppewatch.compose.ComposeFiles.Acl;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * The broker of docker-compose.yml, run in this JVM: its environment turned into server properties
 * the way the apache/kafka image does, its storage formatted with the admin's SCRAM credential as
 * compose/kafka/start.sh does, then the users and ACLs of compose/kafka/setup.sh and acls.txt with
 * the admin client configuration of compose/kafka/admin-client.sh.
 * Only the addresses change (free ports on 127.0.0.1 instead of the host name kafka). The services
 * connect with the JAAS settings compose gives them.
 */
class ComposeKafkaBrokerTest {

    /** Stand-ins for .env. */
    private static final Map<String, String> ENV_FILE = Map.of(
            "KAFKA_ADMIN_PASSWORD", "admin-secret-0123456789",
            "KAFKA_CONTROLLER_PASSWORD", "controller-secret-0123456789",
            "KAFKA_INCIDENT_SERVICE_PASSWORD", "incident-secret-0123456789",
            "KAFKA_ANALYSIS_SERVICE_PASSWORD", "analysis-secret-0123456789",
            "KAFKA_NOTIFICATION_SERVICE_PASSWORD", "notification-secret-0123456789",
            "KAFKA_PARTNER_PASSWORD", "partner-secret-0123456789");

    @TempDir
    static Path dataDir;

    private static final ComposeFiles files = ComposeFiles.load();
    private static KafkaRaftServer broker;
    private static String externalBootstrap;

    @BeforeAll
    static void startTheComposeBroker() throws Exception {
        Map<String, String> env = files.environment("kafka");
        Properties properties = serverPropertiesAsTheImageWritesThem(env);
        Map<String, Integer> ports = relocateToFreeLoopbackPorts(properties);
        properties.put("log.dirs", dataDir.toString());
        externalBootstrap = "127.0.0.1:" + ports.get("EXTERNAL");

        String adminPassword = ENV_FILE.get("KAFKA_ADMIN_PASSWORD");
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(Integer.parseInt(properties.getProperty("node.id")))
                .setClusterId(env.get("CLUSTER_ID"))
                .setDirectories(Set.of(dataDir.toString()))
                .setMetadataLogDirectory(dataDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setScramArguments(List.of(addScramArgumentOfStartSh(adminPassword)))
                .run();
        broker = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        broker.startup();
        setUpAsSetupShDoes("127.0.0.1:" + ports.get("INTERNAL"), adminPassword);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void aServiceProducesIdempotentlyToItsTopicButNotToAnotherServicesTopic() throws Exception {
        try (var producer = producer(serviceJaas("incident-service"))) {
            producer.send(new ProducerRecord<>("incidents.v1", "inc-1", "{\"reported\":true}")).get();
        }
        try (var producer = producer(serviceJaas("incident-service"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("alerts.v1", "inc-1", "{}")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceConsumesInItsOwnGroupAndParksFailuresOnTheDeadLetterTopic() throws Exception {
        try (var producer = producer(serviceJaas("incident-service"))) {
            producer.send(new ProducerRecord<>("incidents.v1", "inc-2", "{}")).get();
        }
        try (var consumer = consumer(serviceJaas("analysis-service"), "analysis-service")) {
            assertThat(pollUntilAny(consumer, "incidents.v1")).extracting(ConsumerRecord::key).contains("inc-2");
            consumer.commitSync();
        }
        try (var producer = producer(serviceJaas("analysis-service"))) {
            producer.send(new ProducerRecord<>("incidents.v1.DLT", "inc-2", "{}")).get();
        }
    }

    @Test
    void analysisServicePublishesTheReferenceDataAndTheOthersReadItWholeWithoutAGroupButMayNotWriteIt() throws Exception {
        try (var producer = producer(serviceJaas("analysis-service"))) {
            producer.send(new ProducerRecord<>("reference.v1", "settlements:0", "{\"revision\":1}")).get();
        }
        for (String reader : List.of("incident-service", "notification-service", "analysis-service")) {
            Map<String, Object> config = clientConfig(externalBootstrap, serviceJaas(reader));
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor("reference.v1", Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition("reference.v1", p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                List<ConsumerRecord<String, String>> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                }
                assertThat(seen).as(reader).extracting(ConsumerRecord::key).contains("settlements:0");
            }
        }
        try (var producer = producer(serviceJaas("notification-service"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("reference.v1", "settlements:0", "{}")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void thePartnerReadsAPublicTopicInAPartnerGroupOnly() throws Exception {
        try (var producer = producer(serviceJaas("incident-service"))) {
            producer.send(new ProducerRecord<>("incidents.v1", "inc-3", "{}")).get();
        }
        String partner = jaas("partner", ENV_FILE.get("KAFKA_PARTNER_PASSWORD"));
        try (var consumer = consumer(partner, "partner-museum")) {
            assertThat(pollUntilAny(consumer, "incidents.v1")).extracting(ConsumerRecord::key).contains("inc-3");
        }
        try (var consumer = consumer(partner, "museum")) {
            assertThatThrownBy(() -> pollUntilAny(consumer, "incidents.v1")).isInstanceOf(GroupAuthorizationException.class);
        }
        try (var consumer = consumer(partner, "partner-museum")) {
            assertThatThrownBy(() -> pollUntilAny(consumer, "incidents.v1.DLT")).isInstanceOf(TopicAuthorizationException.class);
        }
        // not idempotent: what is refused is the write itself, not the producer id
        try (var producer = producer(partner, false)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("alerts.v1", "inc-3", "{}")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (var producer = producer(jaas("incident-service", "not-the-password-0123"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("incidents.v1", "inc-4", "{}")).get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** The apache/kafka image: KAFKA_A_B___C__D becomes a.b-c_d in server.properties. */
    private static Properties serverPropertiesAsTheImageWritesThem(Map<String, String> env) {
        Properties properties = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.equals("KAFKA_OPTS") && !name.equals("KAFKA_HEAP_OPTS")) {
                String key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                        .replace("_", ".").replace("...", "-").replace("..", "_");
                properties.put(key, ComposeFiles.interpolate(value, ENV_FILE));
            }
        });
        return properties;
    }

    /** Every listener on a free port of 127.0.0.1; the host name kafka (the container) becomes 127.0.0.1. */
    private static Map<String, Integer> relocateToFreeLoopbackPorts(Properties properties) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> replacements = new HashMap<>();
        for (String listener : properties.getProperty("listeners").split(",")) {
            String name = listener.substring(0, listener.indexOf(':'));
            String oldPort = listener.substring(listener.lastIndexOf(':') + 1);
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                ports.put(name, socket.getLocalPort());
            }
            replacements.put(":" + oldPort, ":" + ports.get(name));
        }
        for (String key : List.of("listeners", "advertised.listeners", "controller.quorum.voters")) {
            String value = properties.getProperty(key).replace("://:", "://127.0.0.1:").replace("kafka:", "127.0.0.1:")
                    .replace("localhost:", "127.0.0.1:");
            for (var replacement : replacements.entrySet()) {
                value = value.replace(replacement.getKey(), replacement.getValue());
            }
            properties.put(key, value);
        }
        return ports;
    }

    /** What compose/kafka/start.sh passes to {@code kafka-storage format --add-scram}. */
    private static String addScramArgumentOfStartSh(String adminPassword) {
        Matcher argument = Pattern.compile("--add-scram \"([^\"]+)\"").matcher(files.read("compose/kafka/start.sh"));
        assertThat(argument.find()).as("start.sh formats with --add-scram").isTrue();
        return argument.group(1).replace("$BROKER_ADMIN_PASSWORD", adminPassword);
    }

    /** The client configuration compose/kafka/admin-client.sh writes for setup.sh and the healthcheck. */
    private static Map<String, Object> adminClientConfigOfAdminClientSh(String bootstrap, String adminPassword)
            throws IOException {
        String script = files.read("compose/kafka/admin-client.sh");
        String heredoc = script.substring(script.indexOf("<<PROPERTIES\n") + "<<PROPERTIES\n".length(),
                script.indexOf("\nPROPERTIES\n"));
        Properties properties = new Properties();
        properties.load(new StringReader(heredoc.replace("$BROKER_ADMIN_PASSWORD", adminPassword)));
        Map<String, Object> config = new HashMap<>();
        properties.forEach((key, value) -> config.put(String.valueOf(key), value));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    /** Topics, SCRAM users and ACLs, as compose/kafka/setup.sh does with the command-line tools. */
    private static void setUpAsSetupShDoes(String bootstrap, String adminPassword) throws Exception {
        Map<String, Object> config = adminClientConfigOfAdminClientSh(bootstrap, adminPassword);
        assertThat(config).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of("incidents.v1", "assessments.v1", "alerts.v1")) {
                topics.add(new NewTopic(topic, 3, (short) 1));
                topics.add(new NewTopic(topic + ".DLT", 3, (short) 1));
            }
            topics.add(new NewTopic("reference.v1", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            admin.createTopics(topics).all().get();
            admin.alterUserScramCredentials(List.of(
                    upsertion("incident-service", "KAFKA_INCIDENT_SERVICE_PASSWORD"),
                    upsertion("analysis-service", "KAFKA_ANALYSIS_SERVICE_PASSWORD"),
                    upsertion("notification-service", "KAFKA_NOTIFICATION_SERVICE_PASSWORD"),
                    upsertion("partner", "KAFKA_PARTNER_PASSWORD"))).all().get();
            List<AclBinding> acls = files.kafkaAcls().stream().map(ComposeKafkaBrokerTest::binding).toList();
            admin.createAcls(acls).all().get();
            // the controller has committed users and ACLs; the broker applies them from its metadata log a moment
            // later: wait until it serves them, as a client of setup.sh's would by retrying
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                    () -> admin.describeAcls(AclBindingFilter.ANY).values().get().size() >= acls.size());
            for (String user : List.of("incident-service", "analysis-service", "notification-service")) {
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> signsIn(bootstrap, serviceJaas(user)));
            }
            String partner = jaas("partner", ENV_FILE.get("KAFKA_PARTNER_PASSWORD"));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> signsIn(bootstrap, partner));
        }
    }

    /** Whether a client with these credentials gets past SASL authentication. */
    private static boolean signsIn(String bootstrap, String jaas) throws Exception {
        try (Admin client = Admin.create(clientConfig(bootstrap, jaas))) {
            client.describeCluster().nodes().get(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        }
    }

    private static UserScramCredentialUpsertion upsertion(String user, String passwordVariable) {
        return new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                ENV_FILE.get(passwordVariable));
    }

    /** An acls.txt line as kafka-acls --add would create it. */
    private static AclBinding binding(Acl acl) {
        String resource = acl.resource();
        ResourcePattern pattern;
        if (resource.startsWith("topic:")) {
            pattern = new ResourcePattern(ResourceType.TOPIC, resource.substring(6), PatternType.LITERAL);
        } else if (resource.startsWith("group-prefix:")) {
            pattern = new ResourcePattern(ResourceType.GROUP, resource.substring(13), PatternType.PREFIXED);
        } else if (resource.startsWith("group:")) {
            pattern = new ResourcePattern(ResourceType.GROUP, resource.substring(6), PatternType.LITERAL);
        } else if (resource.equals("cluster")) {
            pattern = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
        } else {
            throw new IllegalArgumentException(resource);
        }
        AclOperation operation = AclOperation.fromString(acl.operation().replaceAll("([a-z])([A-Z])", "$1_$2"));
        if (operation == AclOperation.UNKNOWN) {
            throw new IllegalArgumentException(acl.operation());
        }
        return new AclBinding(pattern,
                new AccessControlEntry("User:" + acl.principal(), "*", operation, AclPermissionType.ALLOW));
    }

    /** The JAAS line docker-compose.yml gives the service. */
    private static String serviceJaas(String service) {
        return ComposeFiles.interpolate(files.environment(service).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"), ENV_FILE);
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static Map<String, Object> clientConfig(String bootstrap, String jaas) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
        return config;
    }

    /** An idempotent producer, as the services' (acks all, enable.idempotence). */
    private static KafkaProducer<String, String> producer(String jaas) {
        return producer(jaas, true);
    }

    private static KafkaProducer<String, String> producer(String jaas, boolean idempotent) {
        Map<String, Object> config = clientConfig(externalBootstrap, jaas);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String jaas, String group) {
        Map<String, Object> config = clientConfig(externalBootstrap, jaas);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> pollUntilAny(KafkaConsumer<String, String> consumer, String topic) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        }
        return seen;
    }
}
