package org.steppewatch.notification.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;

/**
 * Which addresses a webhook may be sent to: every address except the internal, special-purpose and
 * non-unicast ranges below (from the IANA special-purpose registries, RFC 6890), unless a range of
 * the allow list covers it. IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible,
 * NAT64 and 6to4) are judged by the IPv4 address they carry.
 */
public final class AddressPolicy {

    /** A refused range and what it is, in words for the subscriber. */
    private record Range(Cidr cidr, String kind) {
    }

    /**
     * A CIDR block of one address family: the matcher is only asked about addresses of its own
     * family (Spring's matcher compares raw bytes, so a 4-byte range would otherwise judge a
     * 16-byte address by its first bytes).
     */
    record Cidr(String text, int length, InetAddressMatcher matcher) {

        static Cidr parse(String text) {
            String trimmed = text.strip();
            String address = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
            if (address.isEmpty() || !(address.contains(":") || address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address or CIDR block");
            }
            try {
                int length = InetAddress.getByName(address).getAddress().length;
                return new Cidr(trimmed, length, InetAddressMatchers.fromIpAddress(trimmed));
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address or CIDR block", e);
            }
        }

        boolean contains(InetAddress address) {
            return address.getAddress().length == length && matcher.matches(address);
        }
    }

    private static final List<Range> REFUSED_V4 = ranges(
            "0.0.0.0/8", "an unspecified (\"this network\") address",
            "127.0.0.0/8", "a loopback address",
            "10.0.0.0/8", "a private address (RFC 1918)",
            "172.16.0.0/12", "a private address (RFC 1918)",
            "192.168.0.0/16", "a private address (RFC 1918)",
            "100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)",
            "169.254.169.254/32", "a link-local address of the cloud metadata service",
            "169.254.0.0/16", "a link-local address",
            "192.0.0.0/24", "an IETF protocol assignment (RFC 6890)",
            "192.0.2.0/24", "a documentation address (RFC 5737)",
            "198.51.100.0/24", "a documentation address (RFC 5737)",
            "203.0.113.0/24", "a documentation address (RFC 5737)",
            "198.18.0.0/15", "a benchmarking address (RFC 2544)",
            "192.88.99.0/24", "a 6to4 relay anycast address (deprecated, RFC 7526)",
            "224.0.0.0/4", "a multicast address",
            "255.255.255.255/32", "a broadcast address",
            "240.0.0.0/4", "a reserved address (240.0.0.0/4)");

    private static final List<Range> REFUSED_V6 = ranges(
            "::/128", "an unspecified address",
            "::1/128", "a loopback address",
            "fe80::/10", "a link-local address",
            "fec0::/10", "a site-local address (deprecated)",
            "fc00::/7", "a unique-local address (RFC 4193)",
            "ff00::/8", "a multicast address",
            "100::/64", "a discard-only address (RFC 6666)",
            "2001:db8::/32", "a documentation address (RFC 3849)",
            "3fff::/20", "a documentation address (RFC 9637)",
            "2001:2::/48", "a benchmarking address (RFC 5180)");

    private final List<Cidr> allowed;

    /** @param allow CIDR blocks (or single addresses) to permit despite the refused ranges */
    public AddressPolicy(List<String> allow) {
        this.allowed = allow.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** The allowed ranges as configured, for the log. */
    public List<String> allowed() {
        return allowed.stream().map(Cidr::text).toList();
    }

    /**
     * Why a webhook may not go to this address: what kind of address it is ("a loopback
     * address"); empty when it may.
     */
    public Optional<String> refusal(InetAddress address) {
        if (isAllowed(address) || carriedIpv4(address).map(this::isAllowed).orElse(false)) {
            return Optional.empty();
        }
        return refusedKind(address);
    }

    /** What kind of refused address this is ("a loopback address"), whatever the allow list says; empty for a public one. */
    static Optional<String> refusedKind(InetAddress address) {
        if (address instanceof Inet4Address) {
            return kind(REFUSED_V4, address);
        }
        Optional<String> own = kind(REFUSED_V6, address);
        if (own.isPresent()) {
            return own;
        }
        return carriedIpv4(address).flatMap(v4 -> kind(REFUSED_V4, v4)
                .map(kind -> "an IPv6 form of " + v4.getHostAddress() + ", " + kind));
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(c -> c.contains(address));
    }

    private static Optional<String> kind(List<Range> table, InetAddress address) {
        return table.stream().filter(r -> r.cidr().contains(address)).map(Range::kind).findFirst();
    }

    /**
     * The IPv4 address an IPv6 address stands for: IPv4-mapped {@code ::ffff:a.b.c.d},
     * IPv4-compatible {@code ::a.b.c.d} (deprecated, RFC 4291), NAT64 {@code 64:ff9b::a.b.c.d}
     * (RFC 6052) and {@code 64:ff9b:1::/48} (RFC 8215), 6to4 {@code 2002:AABB:CCDD::/48} (RFC 3056).
     */
    static Optional<InetAddress> carriedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeros80 = allZero(b, 0, 10);
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b)
                && (allZero(b, 4, 12) || (b[4] == 0 && b[5] == 1));
        if (mapped || compatible || nat64) {
            return Optional.of(v4(Arrays.copyOfRange(b, 12, 16)));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(v4(Arrays.copyOfRange(b, 2, 6)));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static List<Range> ranges(String... cidrAndKind) {
        Range[] ranges = new Range[cidrAndKind.length / 2];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = new Range(Cidr.parse(cidrAndKind[2 * i]), cidrAndKind[2 * i + 1]);
        }
        return List.of(ranges);
    }
}
