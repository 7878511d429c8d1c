package org.steppewatch.notification.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.steppewatch.web.Problems;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The rate limits of the public writes: subscriptions per client address and confirmation mails
 * per e-mail address. Over a limit the request is refused with 429 and a {@code Retry-After}
 * before anything is stored or sent. Signed-in admins are not limited (they load a
 * municipality's subscriptions in bulk).
 * <p>
 * The client address is the request's remote address: the socket's peer, or what the server
 * made of the forwarding headers when {@code server.forward-headers-strategy} is set (it must be
 * behind a proxy, or everybody shares the proxy's bucket). The headers themselves are never read
 * here: anyone can send an {@code X-Forwarded-For} and so pick a fresh bucket for every request.
 */
@Component
public class RateLimits {

    private static final String ADMIN = "admin";

    private final boolean enabled;
    private final RateLimitProperties.Limit subscriptionLimit;
    private final RateLimitProperties.Limit mailLimit;
    private final KeyedLimiter subscriptions;
    private final KeyedLimiter confirmationMails;

    RateLimits(RateLimitProperties properties) {
        this.enabled = properties.enabled();
        this.subscriptionLimit = properties.subscriptionsPerAddress();
        this.mailLimit = properties.confirmationMailsPerAddress();
        this.subscriptions = new KeyedLimiter(subscriptionLimit, properties.maxTrackedKeys());
        this.confirmationMails = new KeyedLimiter(mailLimit, properties.maxTrackedKeys());
    }

    /** True when the caller is not subject to the limits: a signed-in admin, or limits switched off. */
    public boolean exempt(HttpServletRequest request) {
        return !enabled || request.isUserInRole(ADMIN);
    }

    /** Counts a subscription request of this client. @throws ErrorResponseException 429 over the limit */
    public void takeSubscription(HttpServletRequest request) {
        if (exempt(request)) {
            return;
        }
        refuseIfOver(subscriptions.take(clientKey(request.getRemoteAddr())), subscriptionLimit,
                "subscription requests from one address");
    }

    /** Counts a confirmation mail to this address. @throws ErrorResponseException 429 over the limit */
    public void takeConfirmationMail(String address) {
        if (!enabled) {
            return;
        }
        refuseIfOver(confirmationMails.take(mailboxKey(address)), mailLimit, "confirmation mails to one e-mail address");
    }

    private static void refuseIfOver(Optional<Duration> wait, RateLimitProperties.Limit limit, String what) {
        if (wait.isEmpty()) {
            return;
        }
        // whole seconds, rounded up: a client that waits exactly this long finds a token
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "at most " + limit.capacity() + " " + what + " at once and " + limit.refill() + " more every "
                        + limit.period().toString().substring(2).toLowerCase(Locale.ROOT) + "; nothing was stored. Try again in "
                        + seconds + " s.");
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        e.getBody().setProperty("retryAfterSeconds", seconds);
        throw e;
    }

    /**
     * The bucket of a client address: the address itself, or for IPv6 its /64 prefix, which is what
     * one subscriber line gets (with 2^64 addresses to pick from, a per-address bucket limits nobody).
     */
    static String clientKey(String remoteAddress) {
        if (remoteAddress == null || !(remoteAddress.contains(":") || remoteAddress.matches("[0-9.]+"))) {
            // not an address literal (a servlet container gives one unless told to look names up): its own bucket
            return String.valueOf(remoteAddress);
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return remoteAddress;
        }
    }

    /**
     * The bucket of an e-mail address: case-insensitive, and without a {@code +tag} in the local
     * part, so that tagged variants of one mailbox share its limit.
     */
    static String mailboxKey(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        return (plus > 0 ? local.substring(0, plus) : local) + lower.substring(at);
    }
}
