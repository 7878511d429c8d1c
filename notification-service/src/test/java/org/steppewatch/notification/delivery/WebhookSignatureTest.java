package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The reference vector of the Standard Webhooks / Svix test suites. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheStandardWebhooksReferenceVector() {
        assertThat(WebhookSignature.forSecret(SECRET).sign(ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        WebhookSignature signature = WebhookSignature.forSecret(SECRET);
        String reference = signature.sign(ID, TIMESTAMP, BODY);
        assertThat(signature.sign(ID + "x", TIMESTAMP, BODY)).isNotEqualTo(reference);
        assertThat(signature.sign(ID, TIMESTAMP + 1, BODY)).isNotEqualTo(reference);
        assertThat(signature.sign(ID, TIMESTAMP, "{\"test\": 2432232315}")).isNotEqualTo(reference);
    }

    @Test
    void aBodyInPartsIsSignedAsTheWholeBody() {
        WebhookBody parts = new WebhookBody(java.util.List.of("{\"test\": ".getBytes(UTF_8), "2432232314".getBytes(UTF_8),
                "}".getBytes(UTF_8)));
        assertThat(parts.toString()).isEqualTo(BODY);
        assertThat(parts.length()).isEqualTo(BODY.length());
        assertThat(WebhookSignature.forSecret(SECRET).sign(ID, TIMESTAMP, parts))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void refusesASecretWithoutThePrefix() {
        assertThatThrownBy(() -> WebhookSignature.forSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
