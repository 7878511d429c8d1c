package org.steppewatch.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm Keycloak imports in the compose deployment: the roles and clients the services and the
 * console rely on, the {@code roles} claim the services read, and no secret written into the file.
 */
class KeycloakRealmTest {

    private static final String REALM_FILE = "compose/keycloak/steppewatch-realm.json";
    private static final String ADMIN_PASSWORD = "${STEPPEWATCH_ADMIN_PASSWORD}";
    private static final List<String> ALL_ROLES = List.of("analyst", "issuer", "admin");

    private final ComposeFiles files = ComposeFiles.load();
    private final JsonNode realm = JsonMapper.builder().build().readTree(files.read(REALM_FILE));

    @Test
    void theRealmIsSteppewatchWithExactlyTheThreeRoles() {
        assertThat(realm.path("realm").asString()).isEqualTo("steppewatch");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(texts(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(ALL_ROLES);
        assertThat(realm.path("registrationAllowed").asBoolean()).as("self-registration").isFalse();
    }

    @Test
    void theCliClientIsConfidentialWithAServiceAccountHoldingEveryRole() {
        JsonNode cli = client("steppewatch-cli");
        assertThat(cli.path("publicClient").asBoolean()).isFalse();
        assertThat(cli.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("secret").asString()).as("secret from the environment, not the file").isEqualTo(ADMIN_PASSWORD);
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isFalse();

        JsonNode serviceAccount = user(u -> "steppewatch-cli".equals(u.path("serviceAccountClientId").asString()));
        assertThat(strings(serviceAccount.path("realmRoles"))).containsExactlyInAnyOrderElementsOf(ALL_ROLES);
    }

    @Test
    void theConsoleIsAPublicClientWithPkceS256OnLocalhost8081Only() {
        JsonNode console = client("steppewatch-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(console.path("redirectUris"))).containsExactly("http://localhost:8081/*");
        assertThat(strings(console.path("webOrigins"))).containsExactly("http://localhost:8081");
    }

    @Test
    void bothClientsPutTheRealmRolesIntoATopLevelRolesClaimOfTheAccessToken() {
        for (String clientId : List.of("steppewatch-cli", "steppewatch-console")) {
            List<JsonNode> mappers = new ArrayList<>();
            client(clientId).path("protocolMappers").forEach(mappers::add);
            assertThat(mappers).as(clientId).anySatisfy(mapper -> {
                assertThat(mapper.path("protocolMapper").asString()).isEqualTo("oidc-usermodel-realm-role-mapper");
                JsonNode config = mapper.path("config");
                assertThat(config.path("claim.name").asString()).isEqualTo("roles");
                assertThat(config.path("multivalued").asString()).isEqualTo("true");
                assertThat(config.path("jsonType.label").asString()).isEqualTo("String");
                assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
            });
        }
    }

    @Test
    void theAdminUserHasEveryRoleAndItsPasswordFromTheEnvironment() {
        JsonNode admin = user(u -> "admin".equals(u.path("username").asString()));
        assertThat(strings(admin.path("realmRoles"))).containsExactlyInAnyOrderElementsOf(ALL_ROLES);
        assertThat(admin.path("credentials")).singleElement().satisfies(credential -> {
            assertThat(credential.path("type").asString()).isEqualTo("password");
            assertThat(credential.path("value").asString()).isEqualTo(ADMIN_PASSWORD);
            assertThat(credential.path("temporary").asBoolean()).isFalse();
        });
    }

    @Test
    void keycloakImportsThisFileAndGetsThePlaceholderValueFromEnv() {
        Map<String, Object> keycloak = files.service("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:26.");
        assertThat(String.valueOf(keycloak.get("command"))).contains("--import-realm");
        assertThat(String.valueOf(keycloak.get("volumes")))
                .contains("./" + REALM_FILE + ":/opt/keycloak/data/import/steppewatch-realm.json:ro");
        assertThat(files.environment("keycloak")).containsEntry("STEPPEWATCH_ADMIN_PASSWORD", "${STEPPEWATCH_ADMIN_PASSWORD:-}");
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in " + REALM_FILE);
    }

    private JsonNode user(java.util.function.Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (which.test(u)) {
                found.add(u);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asString()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
