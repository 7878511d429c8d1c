package org.steppewatch.notification.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.notification.cap.CapSchema;
import org.steppewatch.notification.secrets.SecretBox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;

/** Every CAP document is signed; a partner checks it with the published key and the JDK alone. */
class CapSignatureTest extends IntegrationTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    SecretBox box;
    @Autowired
    CapSigningKeys keys;

    /** What a partner does: parse, take the key named in KeyName from the published list, validate. */
    private static boolean verifies(String cap, PublicKey key) throws Exception {
        Document document = parse(cap);
        NodeList signatures = document.getElementsByTagNameNS(DSIG, "Signature");
        assertThat(signatures.getLength()).isEqualTo(1);
        DOMValidateContext context = new DOMValidateContext(key, signatures.item(0));
        XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        return signature.validate(context);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
    }

    private static String keyName(String cap) throws Exception {
        return parse(cap).getElementsByTagNameNS(DSIG, "KeyName").item(0).getTextContent();
    }

    private PublicKey publishedKey(String kid) throws Exception {
        HttpResponse<String> pem = get("/api/v1/keys/cap/" + kid + ".pem");
        assertThat(pem.statusCode()).isEqualTo(200);
        assertThat(pem.headers().firstValue("content-type").orElseThrow()).startsWith("application/x-pem-file");
        String base64 = pem.body().replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Test
    void theCapFromTheApiVerifiesWithThePublishedKeyAndTheWebhookCarriesTheSameBytes() throws Exception {
        try (WebhookReceiver town = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Baikonur town council", Map.of("settlementId", BAIKONUR), town.url(), null,
                    "ru", null));
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            String alertId = alertIdOf(incident);
            String cap = get("/api/v1/alerts/" + alertId + "/cap").body();

            CapSchema.assertValid(cap);
            // the signature is the last child of <alert>
            Element last = null;
            for (var n = parse(cap).getDocumentElement().getLastChild(); n != null; n = n.getPreviousSibling()) {
                if (n instanceof Element e) {
                    last = e;
                    break;
                }
            }
            assertThat(last.getNamespaceURI()).isEqualTo(DSIG);
            assertThat(last.getLocalName()).isEqualTo("Signature");
            assertThat(cap).contains("<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>")
                    .contains("<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>")
                    .contains("<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                    .contains("<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>")
                    .contains("<Reference URI=\"\">")
                    .doesNotContain("X509Certificate").doesNotContain("<KeyValue");

            String kid = keyName(cap);
            JsonNode listed = json(get("/api/v1/keys/cap"));
            JsonNode entry = null;
            for (JsonNode k : listed) {
                if (k.get("kid").stringValue().equals(kid)) {
                    entry = k;
                }
            }
            assertThat(entry).as("key %s listed in %s", kid, listed).isNotNull();
            assertThat(entry.get("algorithm").stringValue()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
            assertThat(entry.get("publicKey").stringValue()).startsWith("-----BEGIN PUBLIC KEY-----");
            assertThat(entry.get("created").isNull()).isFalse();
            PublicKey key = publishedKey(kid);
            assertThat(verifies(cap, key)).isTrue();

            // one changed character in a headline breaks it
            String headline = cap.substring(cap.indexOf("<headline>") + 10, cap.indexOf("</headline>"));
            String forged = cap.replaceFirst("<headline>" + java.util.regex.Pattern.quote(headline),
                    "<headline>" + java.util.regex.Matcher.quoteReplacement("X" + headline.substring(1)));
            assertThat(forged).isNotEqualTo(cap);
            assertThat(verifies(forged, key)).isFalse();

            // the webhook and the feed's CAP link carry the very same document
            await().atMost(DEADLINE).until(() -> town.requests().size() == 1);
            assertThat(JSON.readTree(town.requests().get(0).body()).at("/data/cap").stringValue()).isEqualTo(cap);
            String feed = get("/feeds/alerts.atom").body();
            assertThat(feed).contains(PUBLIC_BASE + "/api/v1/alerts/" + alertId + "/cap");
            assertThat(follow(PUBLIC_BASE + "/api/v1/alerts/" + alertId + "/cap", null).body()).isEqualTo(cap);

            // for the documentation and the xmlsec1 check
            Path samples = Files.createDirectories(Path.of("target", "cap-samples"));
            Files.writeString(samples.resolve("signed.cap.xml"), cap);
            Files.writeString(samples.resolve(kid + ".pem"), get("/api/v1/keys/cap/" + kid + ".pem").body());
        }
    }

    @Test
    void anotherInstanceOrARestartSignsWithTheSameKeyAndAWrongSecretsKeyStopsIt() {
        String kid = keys.active().kid();
        CapSigningKeys secondInstance = new CapSigningKeys(mongo, box, Clock.systemUTC(), new CapSigningProperties(null));
        assertThat(secondInstance.active().kid()).isEqualTo(kid);
        assertThat(secondInstance.published()).extracting(SigningKey::kid).contains(kid);

        assertThatThrownBy(() -> new CapSigningKeys(mongo, SecretBox.of(new byte[32]), Clock.systemUTC(),
                new CapSigningProperties(null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STEPPEWATCH_SECRET_KEY");
    }

    @Test
    void rotatingKeepsOldAlertsVerifiableWithTheirKeyAndSignsNewOnesWithTheNewKey() throws Exception {
        String first = newIncidentId();
        publish(assessment(first, 1, Severity.SEVERE, zoneAroundBaikonur()));
        String oldCap = get("/api/v1/alerts/" + alertIdOf(first) + "/cap").body();

        SigningKey rotated = keys.rotate();
        String second = newIncidentId();
        publish(assessment(second, 1, Severity.SEVERE, zoneAroundBaikonur()));
        String newCap = get("/api/v1/alerts/" + alertIdOf(second) + "/cap").body();

        assertThat(keyName(newCap)).isEqualTo(rotated.kid()).isNotEqualTo(keyName(oldCap));
        assertThat(verifies(newCap, publishedKey(rotated.kid()))).isTrue();
        assertThat(verifies(oldCap, publishedKey(keyName(oldCap)))).isTrue();
        assertThat(verifies(oldCap, publishedKey(rotated.kid()))).isFalse();
        JsonNode listed = json(get("/api/v1/keys/cap"));
        assertThat(listed.findValuesAsString("kid")).contains(keyName(oldCap), rotated.kid());
        // anonymous callers cannot rotate
        assertThat(postJson("/api/v1/keys/cap", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownKeyIdIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/keys/cap/0000000000000000.pem");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/problem+json");
    }
}
