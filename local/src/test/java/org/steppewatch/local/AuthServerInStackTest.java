package org.steppewatch.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.steppewatch.local.SteppeWatchStack.Service;

import com.nimbusds.jose.jwk.source.JWKSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth server runs in the launcher beside the services, on the same classpath: it issues the README's token,
 * and neither it nor a service picks up the other's auto-configuration.
 */
@ExtendWith(LocalStack.class)
class AuthServerInStackTest {

    @Test
    void theCliClientGetsATokenWithEveryRoleFromTheStacksAuthServer() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("steppewatch-cli:" + LocalStack.ADMIN_PASSWORD).getBytes(UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(LocalStack.get().baseUrl(Service.AUTH) + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
        JsonNode claims = JsonMapper.builder().build()
                .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("roles").toString()).isEqualTo("[\"analyst\",\"issuer\",\"admin\"]");
    }

    @Test
    void theAuthServerHasNoKafkaAndTheServicesNoAuthorizationServer() {
        SteppeWatchStack stack = LocalStack.get().stack();

        assertThat(stack.context(Service.AUTH).getBeansOfType(KafkaTemplate.class)).isEmpty();
        for (Service service : new Service[] {Service.INCIDENT, Service.ANALYSIS, Service.NOTIFICATION}) {
            assertThat(stack.context(service).getBeansOfType(AuthorizationServerSettings.class)).as(service.name())
                    .isEmpty();
            // a JWK source here would come with a random key and a JwtDecoder trusting only that key
            assertThat(stack.context(service).getBeanNamesForType(JWKSource.class)).as(service.name()).isEmpty();
        }
    }
}
