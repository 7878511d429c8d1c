package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One signed Standard Webhooks POST; never throws for what the receiver or the network does. */
class WebhookSender {

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    WebhookSender(Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // a redirect is a receiver misconfiguration to report, not something to follow with a signed body
                .followRedirects(HttpClient.Redirect.NEVER)
                // no h2c upgrade dance on plain http: some receivers mishandle it on a POST with a body
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /**
     * @param messageId the {@code webhook-id}: the delivery id, the same on every retry so receivers can de-duplicate
     * @throws InterruptedException when the service is shutting down mid-attempt (nothing is recorded then)
     */
    DeliveryView.Attempt send(String url, String secret, String messageId, String body) throws InterruptedException {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "SteppeWatch-Webhooks/1")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.forSecret(secret).sign(messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new DeliveryView.Attempt(at, ok ? "success" : "http_error", status,
                    ok ? null : "receiver answered HTTP " + status, millisSince(started));
        } catch (HttpConnectTimeoutException e) {
            return new DeliveryView.Attempt(at, "timeout", null, "connect timeout: " + e.getMessage(), millisSince(started));
        } catch (HttpTimeoutException e) {
            return new DeliveryView.Attempt(at, "timeout", null, "no response within " + requestTimeout, millisSince(started));
        } catch (ConnectException e) {
            return new DeliveryView.Attempt(at, "connection_error", null, describe(e), millisSince(started));
        } catch (IOException | RuntimeException e) {
            return new DeliveryView.Attempt(at, "error", null, describe(e), millisSince(started));
        }
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
