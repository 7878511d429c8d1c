package org.steppewatch.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.steppewatch.compose.ComposeFiles.Acl;
import org.yaml.snakeyaml.Yaml;

/**
 * The security settings of docker-compose.yml and compose/, read from the files (no Docker engine is
 * needed): every Kafka client authenticates with SCRAM as itself, the broker accepts nothing else,
 * the ACLs give each service what it needs and the partner user read access only, every MongoDB URI
 * signs in as its service on its own database, and every secret comes from .env.
 */
class ComposeSecurityTest {

    private static final List<String> SERVICES = List.of("incident-service", "analysis-service", "notification-service");
    private static final List<String> PUBLIC_TOPICS = List.of("incidents.v1", "assessments.v1", "alerts.v1",
            "contamination.v1", "findings.v1", "notices.v1");

    /** Who produces and who consumes which topic: the topic table of the design and the services' listeners. */
    private static final Map<String, List<String>> PRODUCES = Map.of(
            "incident-service", List.of("incidents.v1", "contamination.v1"),
            "analysis-service", List.of("assessments.v1", "reference.v1", "findings.v1"),
            "notification-service", List.of("alerts.v1", "operations.v1", "notices.v1"));
    private static final Map<String, List<String>> CONSUMES = Map.of(
            "incident-service", List.of("assessments.v1", "alerts.v1", "findings.v1"),
            "analysis-service", List.of("incidents.v1", "contamination.v1"),
            "notification-service", List.of("assessments.v1", "findings.v1"));
    /**
     * Consumer groups besides the service's own: incident-service reads findings.v1 twice, into the results' and the
     * facilities' read models, each in its own group so each sees every partition.
     */
    private static final Map<String, List<String>> OTHER_GROUPS = Map.of(
            "incident-service", List.of("incident-service-results", "incident-service-facilities"),
            "analysis-service", List.of(),
            "notification-service", List.of());

    /** The compacted reference data: every service reads it whole, without a group and without a dead-letter topic. */
    private static final List<String> READ_WHOLE = List.of("reference.v1");

    private final ComposeFiles files = ComposeFiles.load();

    @Test
    void everyKafkaClientAuthenticatesWithScramAsItsOwnUser() {
        Set<String> kafkaClients = files.services().keySet().stream()
                .filter(name -> files.environment(name).containsKey("KAFKA_BOOTSTRAP_SERVERS"))
                .collect(Collectors.toSet());
        assertThat(kafkaClients).containsExactlyInAnyOrderElementsOf(SERVICES);

        for (String service : kafkaClients) {
            Map<String, String> env = files.environment(service);
            String passwordVariable = "KAFKA_" + service.toUpperCase().replace('-', '_') + "_PASSWORD";
            assertThat(env).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + service
                                    + "\" password=\"${" + passwordVariable + ":-}\";")
                    .containsEntry("STEPPEWATCH_EVENTING_CREATE_TOPICS", "false");
        }
    }

    @Test
    void theBrokerAcceptsOnlyAuthenticatedClientsAndAuthorizesByAcl() {
        Map<String, String> kafka = files.environment("kafka");
        Map<String, String> protocols = Arrays.stream(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .map(entry -> entry.split(":"))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        Set<String> listeners = Arrays.stream(kafka.get("KAFKA_LISTENERS").split(","))
                .map(listener -> listener.substring(0, listener.indexOf(':')))
                .collect(Collectors.toSet());
        assertThat(protocols.keySet()).containsAll(listeners);
        assertThat(protocols.values()).allMatch(protocol -> protocol.equals("SASL_PLAINTEXT") || protocol.equals("SASL_SSL"));

        assertThat(kafka)
                .containsEntry("KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(kafka.get("KAFKA_SUPER_USERS").split(";")).containsExactlyInAnyOrder("User:admin", "User:controller");
        // only the client listener is published
        assertThat(String.valueOf(files.service("kafka").get("ports"))).isEqualTo("[9092:9092]");
    }

    @Test
    void eachServiceMayProduceAndConsumeExactlyItsOwnTopics() {
        for (String service : SERVICES) {
            Set<Acl> expected = new HashSet<>();
            for (String produced : PRODUCES.get(service)) {
                expected.add(new Acl(service, "Write", "topic:" + produced));
                expected.add(new Acl(service, "Describe", "topic:" + produced));
            }
            expected.add(new Acl(service, "IdempotentWrite", "cluster"));
            for (String consumed : CONSUMES.get(service)) {
                expected.add(new Acl(service, "Read", "topic:" + consumed));
                // a record it cannot process is parked on the consumed topic's dead-letter topic
                expected.add(new Acl(service, "Write", "topic:" + consumed + ".DLT"));
                expected.add(new Acl(service, "Describe", "topic:" + consumed + ".DLT"));
                // to list its dead letters; never Write on the consumed topic itself, which another service publishes
                expected.add(new Acl(service, "Read", "topic:" + consumed + ".DLT"));
            }
            expected.add(new Acl(service, "Read", "group:" + service));
            OTHER_GROUPS.get(service).forEach(group -> expected.add(new Acl(service, "Read", "group:" + group)));
            READ_WHOLE.forEach(topic -> expected.add(new Acl(service, "Read", "topic:" + topic)));

            assertThat(aclsOf(service)).as(service).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void thePartnerUserReadsThePublicTopicsInPartnerGroupsAndNothingElse() {
        Set<Acl> partner = aclsOf("partner");
        assertThat(partner).extracting(Acl::operation).containsOnly("Read");
        assertThat(partner).extracting(Acl::resource).containsExactlyInAnyOrder(
                "topic:incidents.v1", "topic:assessments.v1", "topic:alerts.v1", "topic:contamination.v1",
                "topic:findings.v1", "topic:notices.v1", "group-prefix:partner-");
        assertThat(files.kafkaAcls()).extracting(Acl::principal).containsOnly(
                "incident-service", "analysis-service", "notification-service", "partner");
        assertThat(files.read("compose/kafka/setup.sh"))
                .contains("scram_user partner \"$PARTNER_PASSWORD\"")
                .contains("for topic in " + String.join(" ", PUBLIC_TOPICS) + "; do")
                .contains("--topic operations.v1 --partitions 3")
                .contains("--topic reference.v1 --partitions 3 --replication-factor 1 \\\n  --config cleanup.policy=compact");
    }

    @Test
    void everyMongoUriSignsInAsItsServiceOnTheDatabaseTheServiceUses() throws IOException {
        String usersScript = files.read("compose/mongo/initdb/10-service-users.js");
        for (String service : SERVICES) {
            String database = configuredDatabase(service);
            String passwordVariable = "MONGO_" + service.toUpperCase().replace('-', '_') + "_PASSWORD";
            String configured = files.environment(service).get("MONGODB_URI");
            assertThat(ComposeFiles.envFileVariables(configured)).containsExactly(passwordVariable);
            URI uri = URI.create(ComposeFiles.interpolate(configured, Map.of(passwordVariable, "secret-of-" + service)));

            assertThat(uri.getScheme()).isEqualTo("mongodb");
            assertThat(uri.getUserInfo()).as(service).isEqualTo(service + ":secret-of-" + service);
            assertThat(uri.getPath()).isEqualTo("/" + database);
            assertThat(uri.getQuery()).contains("authSource=" + database).contains("replicaSet=rs0");
            assertThat(usersScript).contains("{ user: '" + service + "', db: '" + database + "'");
        }
        assertThat(usersScript).contains("roles: [{ role: 'readWrite', db: service.db }]");
    }

    @Test
    void mongoRequiresAuthenticationAndIsPublishedOnLoopbackOnly() {
        Map<String, String> mongo = files.environment("mongo");
        assertThat(mongo).containsEntry("MONGO_INITDB_ROOT_USERNAME", "root")
                .containsEntry("MONGO_INITDB_ROOT_PASSWORD", "${MONGO_ROOT_PASSWORD:-}");
        // a key file turns access control on for the replica set
        assertThat(files.read("compose/mongo/start.sh")).contains("mongod --replSet rs0 --bind_ip_all --keyFile \"$keyfile\"");
        assertThat(String.valueOf(files.service("mongo").get("ports"))).isEqualTo("[127.0.0.1:27017:27017]");
    }

    @Test
    void everySecretComesFromDotEnvAndIsListedInTheExample() {
        Set<String> referenced = new TreeSet<>();
        for (String service : files.services().keySet()) {
            files.environment(service).forEach((name, value) -> {
                referenced.addAll(ComposeFiles.envFileVariables(value));
                if (name.endsWith("PASSWORD")) {
                    assertThat(value).as("%s of %s", name, service).matches("\\$\\{[A-Z0-9_]+:-}");
                }
                // a JAAS password, user_<name> entry or MongoDB URI password written into the file
                assertThat(value).as("%s of %s", name, service)
                        .doesNotContainPattern("password=\"[^$]")
                        .doesNotContainPattern("user_[a-z]+=\"[^$]")
                        .doesNotContainPattern("mongodb://[^:/]+:[^$]");
            });
        }
        assertThat(files.envExampleNames()).containsAll(referenced);
        assertThat(Files.exists(files.file(".env"))).as("a real .env is never in the repository").isFalse();
    }

    @Test
    void everyContainerGivenAPasswordRefusesToStartWithoutIt() {
        Pattern scriptPath = Pattern.compile("/compose/([\\w/.-]+\\.sh)");
        Pattern requireSecrets = Pattern.compile("require-secrets\\.sh((?:[^\\n\\\\]|\\\\\\n)*)");
        for (String service : files.services().keySet()) {
            Set<String> passwords = files.environment(service).keySet().stream()
                    .filter(name -> name.endsWith("PASSWORD")).collect(Collectors.toSet());
            if (passwords.isEmpty() || SERVICES.contains(service)) {
                continue; // the services get theirs in URIs and JAAS lines, and start after the containers that check them
            }
            Map<String, Object> definition = files.service(service);
            Matcher script = scriptPath.matcher(definition.get("entrypoint") + " " + definition.get("command"));
            assertThat(script.find()).as("%s has a start script", service).isTrue();
            Matcher checked = requireSecrets.matcher(files.read("compose/" + script.group(1)));
            assertThat(checked.find()).as("%s checks its secrets", service).isTrue();
            assertThat(checked.group(1).split("[\\s\\\\]+")).as(service).containsAll(passwords);
        }
    }

    @Test
    void servicesTrustTokensIssuedByTheKeycloakRealmAndFetchItsKeysInsideTheNetwork() {
        String publicUrl = files.environment("keycloak").get("KC_HOSTNAME");
        for (String service : SERVICES) {
            assertThat(files.environment(service)).as(service)
                    .containsEntry("STEPPEWATCH_ISSUER_URI", publicUrl + "/realms/steppewatch")
                    .containsEntry("STEPPEWATCH_JWK_SET_URI",
                            "http://keycloak:8080/realms/steppewatch/protocol/openid-connect/certs");
        }
        assertThat(ComposeFiles.interpolate(publicUrl, Map.of())).isEqualTo("http://localhost:8084");
        assertThat(String.valueOf(files.service("keycloak").get("ports"))).isEqualTo("[8084:8080]");
    }

    private Set<Acl> aclsOf(String principal) {
        return files.kafkaAcls().stream().filter(acl -> acl.principal().equals(principal)).collect(Collectors.toSet());
    }

    /** {@code spring.mongodb.database} of the service's own configuration file. */
    @SuppressWarnings("unchecked")
    private String configuredDatabase(String service) throws IOException {
        try (Reader reader = Files.newBufferedReader(
                files.file(service + "/src/main/resources/" + service + ".yml"))) {
            Map<String, Object> config = new Yaml().load(reader);
            Map<String, Object> mongodb = (Map<String, Object>) ((Map<String, Object>) config.get("spring")).get("mongodb");
            return String.valueOf(mongodb.get("database"));
        }
    }
}
