package org.steppewatch.notification.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.StringReader;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/**
 * Validates CAP documents in tests against the OASIS schema file of this module, read from the
 * source tree and checked with javax.xml.validation: independent of the service's own JAXB setup.
 */
public final class CapSchema {

    private static final Schema SCHEMA;

    static {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            SCHEMA = factory.newSchema(Path.of("src/main/resources/org/steppewatch/notification/cap/CAP-v1.2.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private CapSchema() {
    }

    /** Fails the test with the validator's message when {@code xml} is not valid CAP 1.2. */
    public static void assertValid(String xml) {
        assertThat(xml).as("a CAP document").isNotBlank();
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | java.io.IOException e) {
            fail("not valid CAP 1.2: " + e.getMessage() + "\n" + xml);
        }
        // the schema's pattern already forbids it; said twice because CAP readers choke on it
        assertThat(xml).doesNotContainPattern("<(sent|effective|onset|expires)>[^<]*Z</");
    }
}
