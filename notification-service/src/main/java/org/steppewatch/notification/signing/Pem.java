package org.steppewatch.notification.signing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM in and out (RFC 7468), and key ids. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {
    }

    /** A key pair from a PEM text holding a PKCS#8 PRIVATE KEY and, for EC, its PUBLIC KEY. */
    static java.security.KeyPair keyPair(String pem, String where) {
        byte[] privateDer = block(pem, "PRIVATE KEY");
        byte[] publicDer = block(pem, "PUBLIC KEY");
        if (privateDer == null) {
            throw new IllegalStateException(where + " holds no PKCS#8 '-----BEGIN PRIVATE KEY-----' block"
                    + (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
                    ? " (convert it: openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem)" : ""));
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
                PublicKey publicKey;
                if (publicDer != null) {
                    publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
                } else if (privateKey instanceof RSAPrivateCrtKey rsa) {
                    publicKey = factory.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                } else {
                    throw new IllegalStateException(where + ": an EC private key needs its '-----BEGIN PUBLIC KEY-----' "
                            + "block in the same file (openssl pkey -in key.pem -pubout >> key.pem)");
                }
                return new java.security.KeyPair(publicKey, privateKey);
            } catch (java.security.spec.InvalidKeySpecException e) {
                // not this algorithm: try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException(where + " holds neither an RSA nor an EC private key");
    }

    static PublicKey publicKey(String pem, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key does not parse", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key does not parse", e);
        }
    }

    static String publicPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The key id: the first 8 bytes of the SHA-256 of the public key (SubjectPublicKeyInfo), in hex. */
    static String kid(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] block(String pem, String type) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(m.group(2));
            }
        }
        return null;
    }
}
