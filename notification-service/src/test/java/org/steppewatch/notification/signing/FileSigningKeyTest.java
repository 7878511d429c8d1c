package org.steppewatch.notification.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppewatch.notification.cap.CapSchema;
import org.steppewatch.notification.secrets.SecretBox;
import org.steppewatch.testsupport.TestMongoDatabase;
import org.w3c.dom.Document;

/** A signing key from steppewatch.cap.signing-key-file (PKCS#8 PEM), RSA or EC. */
class FileSigningKeyTest {

    private static final String CAP = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                <identifier>test-1</identifier>
                <sender>alerts@steppewatch.example</sender>
                <sent>2026-12-01T18:00:00+05:00</sent>
                <status>Actual</status>
                <msgType>Alert</msgType>
                <scope>Public</scope>
            </alert>
            """;

    @TempDir
    Path dir;
    private TestMongoDatabase database;

    @BeforeEach
    void connect() {
        database = TestMongoDatabase.open("signing-keys");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CapSigningKeys keysFrom(Path file) {
        return new CapSigningKeys(database.template(), SecretBox.of(new byte[32]), Clock.systemUTC(),
                new CapSigningProperties(file.toString()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static boolean verifies(String xml, java.security.PublicKey key) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
        DOMValidateContext context = new DOMValidateContext(key,
                document.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0));
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }

    @Test
    void anRsaKeyFileSignsAndIsPublishedUnderItsFingerprint() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path file = Files.writeString(dir.resolve("cap.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        CapSigningKeys keys = keysFrom(file);

        String expectedKid = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()), 0, 8);
        assertThat(keys.active().kid()).isEqualTo(expectedKid);
        assertThat(keys.published()).extracting(SigningKey::kid).containsExactly(expectedKid);
        // a restart with the same file: the same key, published once
        assertThat(keysFrom(file).published()).extracting(SigningKey::kid).containsExactly(expectedKid);
        assertThat(database.template().getCollection(CapSigningKeys.COLLECTION).find().first()).doesNotContainKey("privateKey");
        String signed = new CapSigner(keys).sign(CAP);
        CapSchema.assertValid(signed);
        assertThat(verifies(signed, pair.getPublic())).isTrue();
        assertThat(signed).contains("<KeyName>" + expectedKid + "</KeyName>");
    }

    @Test
    void anEcKeyFileWithItsPublicKeySignsWithEcdsaSha256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path file = Files.writeString(dir.resolve("cap-ec.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        String signed = new CapSigner(keysFrom(file)).sign(CAP);

        assertThat(signed).contains("Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"");
        assertThat(verifies(signed, pair.getPublic())).isTrue();
    }

    @Test
    void aKeyFileWithoutAPkcs8PrivateKeyStopsTheStart() throws Exception {
        Path file = Files.writeString(dir.resolve("old.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> keysFrom(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
    }
}
