package org.steppewatch.notification.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks off internal addresses (SSRF). A URL is checked when a subscription is made,
 * every address its host resolves to; and at every connection the host is resolved once more and
 * only the permitted addresses are handed to the HTTP client, so a name that changes its answer
 * after the check (DNS rebinding) still reaches nothing internal: the address checked is the
 * address connected to.
 */
@Component
public class WebhookTargets {

    private static final Logger log = LoggerFactory.getLogger(WebhookTargets.class);

    private final AddressPolicy policy;
    private final HostResolver resolver;

    public WebhookTargets(WebhookProperties properties, HostResolver resolver) {
        this.policy = new AddressPolicy(properties.allow());
        this.resolver = resolver;
        if (!policy.allowed().isEmpty()) {
            log.info("webhooks may go to these otherwise refused addresses: {}", String.join(", ", policy.allowed()));
        }
    }

    /** Thrown at connection time when no address of the host may be reached; recorded on the delivery. */
    public static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String message) {
            super(message);
        }
    }

    /**
     * Why a webhook URL may not be subscribed, or empty when it may: its host is written as a
     * non-standard numeric address, carries an IPv6 zone, cannot be resolved, or any of its
     * addresses is refused. Resolves the host (a DNS lookup).
     */
    public Optional<String> refusal(URI url) {
        String host = hostOf(url);
        if (host == null) {
            return Optional.of("must name a host, was '" + url + "'");
        }
        Optional<String> numeric = nonStandardNumeric(host);
        if (numeric.isPresent()) {
            return numeric;
        }
        if (host.contains("%")) {
            return Optional.of("must not name an IPv6 zone ('" + host + "')");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' could not be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = policy.refusal(address);
            if (refused.isPresent()) {
                return Optional.of(describe(host, address, refused.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Why a host written as a number other than four decimal parts is refused ({@code 2130706433},
     * {@code 0x7f.1}), naming what browsers and C programs read it as; empty for any other host.
     */
    public static Optional<String> nonStandardNumeric(String host) {
        if (host.contains(":") || !NumericHosts.looksNumeric(host) || NumericHosts.canonical(host)) {
            return Optional.empty();
        }
        return Optional.of(NumericHosts.lenientIpv4(host)
                .map(a -> "host '" + host + "' is a non-standard way of writing " + a.getHostAddress()
                        + AddressPolicy.refusedKind(a).map(kind -> " (" + kind + ")").orElse("")
                        + ": write an IPv4 address as four decimal numbers")
                .orElse("host '" + host + "' is neither a name nor a valid IPv4 address"));
    }

    /**
     * The addresses of {@code host} a webhook may connect to, resolved now.
     *
     * @throws RefusedAddressException when there are none
     */
    public InetAddress[] addressesToConnect(String host) throws UnknownHostException {
        String bare = bare(host);
        Optional<String> numeric = nonStandardNumeric(bare);
        if (numeric.isPresent()) {
            throw new RefusedAddressException(numeric.get());
        }
        InetAddress[] all = resolver.resolve(bare);
        InetAddress[] permitted = Arrays.stream(all).filter(a -> policy.refusal(a).isEmpty()).toArray(InetAddress[]::new);
        if (permitted.length == 0) {
            throw new RefusedAddressException(all.length == 0 ? "host '" + bare + "' has no address"
                    : describe(bare, all[0], policy.refusal(all[0]).orElseThrow()));
        }
        return permitted;
    }

    private static String describe(String host, InetAddress address, String kind) {
        String resolved = address.getHostAddress();
        boolean literal = host.contains(":") || NumericHosts.canonical(host);
        // an address literal is named as written, with the address it stands for where that differs
        // (::ffff:10.0.0.1 is 10.0.0.1; fd00::1 only looks different in Java's uncompressed spelling)
        String what = !literal ? "host '" + host + "' resolves to " + resolved + ", " + kind
                : host + (host.equalsIgnoreCase(resolved) || host.contains("::") && !host.contains(".") ? "" : " (" + resolved + ")")
                        + " is " + kind;
        return what + "; webhooks may only go to public addresses";
    }

    /** The host of a URL, lower case and without brackets, also where java.net.URI finds none; null if it has none. */
    public static String hostOf(URI url) {
        String host = url.getHost();
        if (host == null && url.getRawAuthority() != null) {
            // java.net.URI gives no host for names it finds malformed, such as 0x7f.1 or 127.1
            String authority = url.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            host = authority.startsWith("[") || authority.lastIndexOf(':') < 0 ? authority
                    : authority.substring(0, authority.lastIndexOf(':'));
        }
        return host == null || host.isBlank() ? null : bare(host).toLowerCase(Locale.ROOT);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
