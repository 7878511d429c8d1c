package org.steppewatch.incident.console;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.contracts.IncidentCategory;
import org.steppewatch.contracts.SubstanceCodes;
import org.steppewatch.incident.incident.IncidentStatus;
import org.steppewatch.incident.incident.Vocabulary;
import org.steppewatch.security.SecurityProperties;

@RestController
class ConsoleController {

    private final ConsoleProperties properties;
    private final SecurityProperties security;

    ConsoleController(ConsoleProperties properties, SecurityProperties security) {
        this.properties = properties;
        this.security = security;
    }

    record Substance(String code, String name) {
    }

    /**
     * @param issuer   the OpenID Connect provider the console signs in with: the one whose tokens this service accepts
     * @param clientId the console's public client there
     */
    record Settings(String tileUrl, String tileAttribution, String notificationUrl, String issuer, String clientId,
                    List<String> categories, List<String> statuses, List<Substance> substances, List<String> media,
                    List<String> stabilityClasses) {
    }

    /** What the console's forms offer, how its map is set up and where it signs in. */
    @GetMapping("/api/v1/console/settings")
    ResponseEntity<Settings> settings() {
        Settings settings = new Settings(blankToNull(properties.tileUrl()), blankToNull(properties.tileAttribution()),
                blankToNull(properties.notificationUrl()), security.issuerUri(),
                properties.clientId(),
                Arrays.stream(IncidentCategory.values()).map(Enum::name).toList(),
                Arrays.stream(IncidentStatus.values()).map(Enum::name).toList(),
                SubstanceCodes.all().entrySet().stream().map(e -> new Substance(e.getKey(), e.getValue())).toList(),
                Vocabulary.media(), Vocabulary.stabilityClasses());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(settings);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
