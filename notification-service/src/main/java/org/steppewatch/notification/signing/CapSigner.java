package org.steppewatch.notification.signing;

import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Signs a CAP 1.2 document with an enveloped XML-DSig signature (the JDK's javax.xml.crypto):
 * exclusive canonicalization, SHA-256 digest of the whole document (reference URI "" with the
 * enveloped transform), RSA-SHA256 (or ECDSA-SHA256 for an EC key), and a {@code KeyInfo} that
 * names the key ({@code KeyName}) rather than embedding it, so a verifier uses the key it fetched
 * from {@code /api/v1/keys/cap}. The {@code <Signature>} is the last child of {@code <alert>},
 * where the CAP 1.2 schema allows it. Done once per alert, when it is issued; the signed text is
 * what is stored and served everywhere.
 */
@Component
public class CapSigner {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private final CapSigningKeys keys;
    private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");

    CapSigner(CapSigningKeys keys) {
        this.keys = keys;
    }

    /** @return {@code xml} with its signature, as the text to store and send */
    public String sign(String xml) {
        SigningKey key = keys.active();
        try {
            Document document = parse(xml);
            Reference whole = signatures.newReference("", signatures.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = signatures.newSignedInfo(
                    signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    signatures.newSignatureMethod(key.algorithm(), null), List.of(whole));
            KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
            // the signature goes before a line break of its own: still the last element of <alert>, and
            // the break is signed like the rest
            Element alert = document.getDocumentElement();
            Node lineBreak = alert.appendChild(document.createTextNode("\n"));
            DOMSignContext context = new DOMSignContext(key.privateKey(), alert, lineBreak);
            signatures.newXMLSignature(signedInfo, keyInfos.newKeyInfo(List.of(keyInfos.newKeyName(key.kid()))))
                    .sign(context);
            unwrapSignatureValue(document);
            return serialize(document);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("could not sign CAP document with key " + key.kid(), e);
        }
    }

    /**
     * The JDK wraps the base64 SignatureValue with CRLFs, written as {@code &#13;}. The value is
     * outside SignedInfo and every base64 reader skips whitespace, so one line changes nothing but looks.
     */
    private static void unwrapSignatureValue(Document document) {
        NodeList values = document.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureValue");
        for (int i = 0; i < values.getLength(); i++) {
            Node value = values.item(i);
            value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new IllegalStateException("the CAP document to sign does not parse", e);
        }
    }

    /** No reformatting: the text nodes are written as they are, so the signed content is what is sent. */
    private static String serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            out.write(DECLARATION);
            transformer.transform(new DOMSource(document.getDocumentElement()), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write the signed CAP document", e);
        }
    }
}
