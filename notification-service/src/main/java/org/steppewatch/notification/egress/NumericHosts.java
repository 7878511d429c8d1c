package org.steppewatch.notification.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 addresses written other than as four decimal numbers: {@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1}, {@code 127.1}. Browsers (the WHATWG URL standard) and C's {@code inet_aton}
 * read them as addresses, Java reads some of them differently or not at all; such a host means
 * different things to different programs, so it is refused whatever it stands for.
 */
final class NumericHosts {

    private static final Pattern CANONICAL = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]*");

    private NumericHosts() {
    }

    /** True for a host the WHATWG URL standard reads as an IPv4 address: its last label is a number. */
    static boolean looksNumeric(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return !last.isEmpty() && (DECIMAL.matcher(last).matches() || HEX.matcher(last).matches());
    }

    /** Four decimal numbers 0–255 without leading zeros. */
    static boolean canonical(String host) {
        if (!CANONICAL.matcher(host).matches()) {
            return false;
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a numeric host stands for as the WHATWG IPv4 parser (and {@code inet_aton}) reads it:
     * one to four parts, each decimal, octal (leading 0) or hexadecimal (0x), the last filling the
     * remaining bytes. Empty when it is not a valid address in that reading either.
     */
    static Optional<InetAddress> lenientIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long n = number(parts[i]);
            if (n == null) {
                return Optional.empty();
            }
            numbers[i] = n;
        }
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return Optional.empty();
        }
        long value = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            value += numbers[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        try {
            if (p.startsWith("0x")) {
                return p.length() == 2 ? 0L : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            return p.isEmpty() ? null : Long.parseLong(p);
        } catch (NumberFormatException e) {
            // too long for a long, or not a number
            return null;
        }
    }
}
