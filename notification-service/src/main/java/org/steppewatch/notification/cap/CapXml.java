package org.steppewatch.notification.cap;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.steppewatch.notification.cap.xml.Alert;
import org.xml.sax.SAXException;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

/**
 * CAP 1.2 documents in and out, always checked against the OASIS schema shipped in this module:
 * a document that does not validate is never written.
 */
public final class CapXml {

    public static final String MEDIA_TYPE = "application/cap+xml";
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String SCHEMA_RESOURCE = "/org/steppewatch/notification/cap/CAP-v1.2.xsd";

    private static final CapXml INSTANCE = new CapXml();

    private final JAXBContext context;
    private final Schema schema;

    private CapXml() {
        try {
            context = JAXBContext.newInstance(Alert.class);
            schema = loadSchema();
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("CAP 1.2 binding or schema cannot be loaded", e);
        }
    }

    public static CapXml get() {
        return INSTANCE;
    }

    /** The OASIS CAP 1.2 schema; thread-safe, so one is shared. */
    public Schema schema() {
        return schema;
    }

    private static Schema loadSchema() throws SAXException {
        URL xsd = CapXml.class.getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the schema imports nothing: forbid fetching anything while reading it or documents
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd);
    }

    /** @throws IllegalStateException when the alert breaks the schema (a bug in the composer) */
    public String write(Alert alert) {
        try {
            // marshallers are not thread-safe and cheap next to the work of composing an alert
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            marshaller.marshal(alert, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("CAP alert " + alert.getIdentifier() + " is not valid CAP 1.2: "
                    + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }

    /** @throws IllegalArgumentException when {@code xml} is not a valid CAP 1.2 alert */
    public Alert read(String xml) {
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            return (Alert) unmarshaller.unmarshal(new StringReader(xml));
        } catch (JAXBException e) {
            throw new IllegalArgumentException("not a valid CAP 1.2 alert: "
                    + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }

    /** Validates a document as text, independently of the JAXB classes. */
    public void validate(String xml) throws SAXException, java.io.IOException {
        var validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new StringReader(xml)));
    }
}
