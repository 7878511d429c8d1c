package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.steppewatch.notification.egress.WebhookTargets;
import org.steppewatch.notification.egress.WebhookTargets.RefusedAddressException;

/**
 * Signed Standard Webhooks POSTs over pooled HTTP/1.1 keep-alive connections: at most
 * {@code perHost} open to one host and {@code total} in all, so the pool itself enforces the
 * per-endpoint concurrency limit too. Every attempt has its own connect and response timeouts and
 * one hard deadline over all of it (connect, TLS, request, response), enforced by aborting the
 * request, and reads at most {@link #MAX_ANSWER} bytes of the answer: a receiver that trickles or
 * never ends its answer holds a sending thread no longer than the deadline. Host names are resolved
 * at every connection through {@link WebhookTargets}, which hands over only permitted addresses.
 * Never fails for what the receiver or the network does: every outcome is an {@link DeliveryView.Attempt}.
 */
class WebhookSender implements AutoCloseable {

    /** The most of an answer that is read; a longer one is cut off and its connection closed, not drained. */
    static final int MAX_ANSWER = 64 * 1024;
    private static final ContentType JSON = ContentType.APPLICATION_JSON.withCharset(UTF_8);

    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager pool;
    private final Duration requestTimeout;
    private final Duration deadline;
    private final ScheduledThreadPoolExecutor alarms;
    private final Clock clock;

    WebhookSender(Duration connectTimeout, Duration requestTimeout, Duration deadline, int total, int perHost,
                  WebhookTargets targets, Clock clock) {
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(total)
                .setMaxConnPerRoute(perHost)
                .setDnsResolver(new GuardedDnsResolver(targets))
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
                // a retry is a new attempt, recorded as such; a redirect is a receiver misconfiguration to
                // report, and following one would lead past the address check of the subscription
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("SteppeWatch-Webhooks/1")
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.requestTimeout = requestTimeout;
        this.deadline = deadline;
        this.alarms = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "webhook-deadline");
            t.setDaemon(true);
            return t;
        });
        // most attempts end long before their alarm: drop cancelled alarms at once, not after the deadline
        alarms.setRemoveOnCancelPolicy(true);
        this.clock = clock;
    }

    /**
     * Blocks for at most the deadline (and the moment an abort takes).
     *
     * @param messageId the {@code webhook-id}: the delivery id, the same on every retry so receivers can de-duplicate
     */
    DeliveryView.Attempt send(String url, String secret, String messageId, WebhookBody body) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        long started = System.nanoTime();
        HttpPost post;
        try {
            post = new HttpPost(url);
            post.setHeader("webhook-id", messageId);
            post.setHeader("webhook-timestamp", Long.toString(timestamp));
            post.setHeader("webhook-signature", WebhookSignature.forSecret(secret).sign(messageId, timestamp, body));
            post.setEntity(new EntityTemplate(body.length(), JSON, null, body::writeTo));
        } catch (RuntimeException e) {
            return new DeliveryView.Attempt(at, "error", null, describe(e), millisSince(started));
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = alarms.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            int status = exchange(post);
            boolean ok = status >= 200 && status < 300;
            return new DeliveryView.Attempt(at, ok ? "success" : "http_error", status,
                    ok ? null : "receiver answered HTTP " + status, millisSince(started));
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                return new DeliveryView.Attempt(at, "timeout", null, "no complete answer within the deadline of "
                        + deadline.toMillis() + " ms; the attempt was aborted", millisSince(started));
            }
            RefusedAddressException refused = causeOf(e, RefusedAddressException.class);
            if (refused != null) {
                return new DeliveryView.Attempt(at, "refused_address", null, "not sent: " + refused.getMessage(),
                        millisSince(started));
            }
            if (causeOf(e, ConnectTimeoutException.class) != null) {
                return new DeliveryView.Attempt(at, "timeout", null, "connect timeout: " + e.getMessage(), millisSince(started));
            }
            if (causeOf(e, SocketTimeoutException.class) != null) {
                return new DeliveryView.Attempt(at, "timeout", null, "no response within " + requestTimeout, millisSince(started));
            }
            if (causeOf(e, ConnectException.class) != null) {
                return new DeliveryView.Attempt(at, "connection_error", null, describe(e), millisSince(started));
            }
            return new DeliveryView.Attempt(at, "error", null, describe(e), millisSince(started));
        } finally {
            alarm.cancel(false);
        }
    }

    /** The status of the answer, after reading at most {@link #MAX_ANSWER} bytes of its body. */
    private int exchange(HttpPost post) throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, post, null);
        try {
            HttpEntity entity = response.getEntity();
            if (entity != null && !readToEnd(entity, MAX_ANSWER)) {
                // the rest is not read: closing would drain it, so the connection is discarded instead
                post.cancel();
            }
            return response.getCode();
        } finally {
            try {
                response.close();
            } catch (IOException e) {
                // after an abort the stream is gone; the status was already read
            }
        }
    }

    /** Reads the body, at most {@code limit} bytes; true when it ended within them. */
    private static boolean readToEnd(HttpEntity entity, int limit) throws IOException {
        InputStream in = entity.getContent();
        if (in == null) {
            return true;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        while (read <= limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - read));
            if (n < 0) {
                return true;
            }
            read += n;
        }
        return false;
    }

    @Override
    public void close() {
        alarms.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }

    static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The HTTP client's name resolution: only addresses the policy permits, looked up at every connection. */
    private record GuardedDnsResolver(WebhookTargets targets) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.addressesToConnect(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            // only used for SPNEGO/Kerberos, which webhooks do not use; no second lookup
            return host;
        }
    }
}
