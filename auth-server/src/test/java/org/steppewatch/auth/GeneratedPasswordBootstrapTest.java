package org.steppewatch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start without STEPPEWATCH_ADMIN_PASSWORD: a generated password, shown once, stored only hashed. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedPasswordBootstrapTest {

    private static final Pattern SHOWN = Pattern.compile(
            " WARN .*password was generated for user 'admin' and client 'steppewatch-cli': (\\S+) {2}-- KEEP IT NOW");

    @Test
    void theGeneratedPasswordIsLoggedOnceWorksForTheCliAndIsStoredOnlyHashed(CapturedOutput output) {
        String password;
        String mongoUri;
        try (RunningAuthServer first = RunningAuthServer.startFresh(null)) {
            password = shownPassword(output.getOut());
            mongoUri = first.mongoUri();
            assertThat(Tokens.clientCredentials(new Http(), first.baseUrl(), "steppewatch-cli", password).statusCode())
                    .isEqualTo(200);
        }
        try (RunningAuthServer restarted = RunningAuthServer.start(mongoUri, null)) {
            // the restart finds the admin and the CLI stored: nothing new generated, nothing shown again
            assertThat(Tokens.clientCredentials(new Http(), restarted.baseUrl(), "steppewatch-cli", password)
                    .statusCode()).isEqualTo(200);
        }
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("lines showing the password").hasSize(2);
        assertThat(SHOWN.matcher(output.getAll()).results().count()).isEqualTo(1);

        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        try (StoredDatabase stored = new StoredDatabase(mongoUri)) {
            Document admin = stored.find("users", "admin");
            Document cli = stored.find("clients", "steppewatch-cli");
            for (String hash : List.of(admin.getString("passwordHash"), cli.getString("secretHash"))) {
                assertThat(hash).doesNotContain(password).startsWith("{bcrypt}$2");
                assertThat(encoder.matches(password, hash)).isTrue();
            }
            assertThat(admin.toJson()).doesNotContain(password);
            assertThat(cli.toJson()).doesNotContain(password);
        }
    }

    private static String shownPassword(String log) {
        Matcher matcher = SHOWN.matcher(log);
        assertThat(matcher.find()).as("a WARN line showing the generated password").isTrue();
        String password = matcher.group(1);
        // 256 bits in URL-safe Base64 without padding: 43 characters
        assertThat(password).matches("[A-Za-z0-9_-]{43}");
        return password;
    }
}
