package org.steppewatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steppewatch.local.SteppeWatchStack.Service;

/**
 * The three services share one classpath in the launcher: each must serve its own page at / (from
 * a location of its own), and none the page of another.
 */
@ExtendWith(LocalStack.class)
class ServicePagesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachServiceServesItsOwnPageAndNotAnotherOnesFromTheSharedClasspath() throws Exception {
        HttpResponse<String> console = get(Service.INCIDENT, "/");
        HttpResponse<String> community = get(Service.NOTIFICATION, "/");

        assertThat(console.statusCode()).isEqualTo(200);
        // both speak Kazakh: each is told apart by its own name
        assertThat(console.body()).contains("analyst console").doesNotContain("community alerts");
        assertThat(community.statusCode()).isEqualTo(200);
        assertThat(community.body()).contains("community alerts").doesNotContain("analyst console");
        assertThat(get(Service.ANALYSIS, "/").statusCode()).isEqualTo(404);

        assertThat(get(Service.INCIDENT, "/console.js").statusCode()).isEqualTo(200);
        assertThat(get(Service.NOTIFICATION, "/console.js").statusCode()).isEqualTo(404);
        assertThat(get(Service.NOTIFICATION, "/community.js").statusCode()).isEqualTo(200);
        assertThat(get(Service.INCIDENT, "/community.js").statusCode()).isEqualTo(404);
        // each page's own dictionaries under the same path
        assertThat(get(Service.INCIDENT, "/i18n/kk.json").body()).contains("талдаушы консолі");
        assertThat(get(Service.NOTIFICATION, "/i18n/kk.json").body()).doesNotContain("талдаушы консолі");
        assertThat(get(Service.INCIDENT, "/webjars/leaflet/dist/leaflet.js").statusCode()).isEqualTo(200);
        assertThat(get(Service.NOTIFICATION, "/webjars/leaflet/dist/leaflet.js").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(Service service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(LocalStack.get().baseUrl(service) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
