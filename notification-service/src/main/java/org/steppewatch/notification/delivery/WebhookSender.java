package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.EntityTemplate;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Signed Standard Webhooks POSTs over pooled HTTP/1.1 keep-alive connections: at most
 * {@code perHost} open to one host and {@code total} in all, so the pool itself enforces the
 * per-endpoint concurrency limit too. Every attempt has its own connect and response timeouts. Never
 * fails for what the receiver or the network does: every outcome is an {@link DeliveryView.Attempt}.
 */
class WebhookSender implements AutoCloseable {

    private static final ContentType JSON = ContentType.APPLICATION_JSON.withCharset(UTF_8);

    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager pool;
    private final Duration requestTimeout;
    private final Clock clock;

    WebhookSender(Duration connectTimeout, Duration requestTimeout, int total, int perHost, Clock clock) {
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(total)
                .setMaxConnPerRoute(perHost)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        // a connection idle this long is checked before reuse: receivers close idle keep-alives
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setConnectionRequestTimeout(Timeout.of(requestTimeout))
                        .build())
                // a retry is a new attempt, recorded as such; a redirect is a receiver misconfiguration to report
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("SteppeWatch-Webhooks/1")
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /**
     * Blocks for at most the connect plus the request timeout.
     *
     * @param messageId the {@code webhook-id}: the delivery id, the same on every retry so receivers can de-duplicate
     */
    DeliveryView.Attempt send(String url, String secret, String messageId, WebhookBody body) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpPost post = new HttpPost(url);
            post.setHeader("webhook-id", messageId);
            post.setHeader("webhook-timestamp", Long.toString(timestamp));
            post.setHeader("webhook-signature", WebhookSignature.forSecret(secret).sign(messageId, timestamp, body));
            post.setEntity(new EntityTemplate(body.length(), JSON, null, body::writeTo));
            int status = http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            boolean ok = status >= 200 && status < 300;
            return new DeliveryView.Attempt(at, ok ? "success" : "http_error", status,
                    ok ? null : "receiver answered HTTP " + status, millisSince(started));
        } catch (ConnectTimeoutException e) {
            return new DeliveryView.Attempt(at, "timeout", null, "connect timeout: " + e.getMessage(), millisSince(started));
        } catch (SocketTimeoutException e) {
            return new DeliveryView.Attempt(at, "timeout", null, "no response within " + requestTimeout, millisSince(started));
        } catch (ConnectException e) {
            return new DeliveryView.Attempt(at, "connection_error", null, describe(e), millisSince(started));
        } catch (IOException | RuntimeException e) {
            return new DeliveryView.Attempt(at, "error", null, describe(e), millisSince(started));
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
