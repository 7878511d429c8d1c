package org.steppewatch.georef;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The reference files shipped in this jar, and a content hash that names one edition of them. */
public final class ReferenceResources {

    private static final List<String> FILES = List.of(SettlementCatalog.GEONAMES, SettlementCatalog.SIMPLEMAPS,
            SettlementCatalog.DOMAIN_POINTS, SettlementCatalog.ALTERNATE_NAMES, FallZoneCatalog.FALL_ZONES);

    private ReferenceResources() {
    }

    static InputStream open(String name) {
        InputStream in = ReferenceResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("reference file " + name + " is missing from the jar");
        }
        return in;
    }

    /** {@code shipped-sha256:<first 16 hex digits>} over the shipped files, so an assessment can say what it used. */
    public static String shippedVersion() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                try (InputStream in = open(file)) {
                    sha.update(in.readAllBytes());
                }
            }
            return "shipped-sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
