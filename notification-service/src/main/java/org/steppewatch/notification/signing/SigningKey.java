package org.steppewatch.notification.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

import javax.xml.crypto.dsig.SignatureMethod;

/**
 * A CAP signing key.
 *
 * @param kid        what partners look the key up by: the {@code KeyName} of every signature it makes
 * @param privateKey null for a published key this instance does not sign with
 */
record SigningKey(String kid, PublicKey publicKey, PrivateKey privateKey, Instant created) {

    /** The XML-DSig SignatureMethod URI for this key. */
    String algorithm() {
        return "EC".equals(publicKey.getAlgorithm()) ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
    }
}
