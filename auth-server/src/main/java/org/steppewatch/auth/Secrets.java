package org.steppewatch.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Generated passwords and client secrets, and the limits every password and secret must keep. */
public final class Secrets {

    /** bcrypt reads at most 72 bytes; Spring Security refuses longer input rather than cut it. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, URL-safe Base64 (43 characters): safe in a shell, a URL and HTTP Basic. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean tooLong(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
