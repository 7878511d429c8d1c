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

@RestController
class ConsoleController {

    private final ConsoleProperties properties;

    ConsoleController(ConsoleProperties properties) {
        this.properties = properties;
    }

    record Substance(String code, String name) {
    }

    record Settings(String tileUrl, String tileAttribution, String notificationUrl, List<String> categories,
                    List<String> statuses, List<Substance> substances, List<String> media,
                    List<String> stabilityClasses) {
    }

    /** What the console's forms offer and how its map is set up. */
    @GetMapping("/api/v1/console/settings")
    ResponseEntity<Settings> settings() {
        Settings settings = new Settings(blankToNull(properties.tileUrl()), blankToNull(properties.tileAttribution()),
                blankToNull(properties.notificationUrl()),
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
