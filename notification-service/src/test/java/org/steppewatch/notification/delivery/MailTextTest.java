package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.subscription.Subscription;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Whatever an alert's texts or a subscription's name carry, a mail's subject and body have no control characters. */
class MailTextTest {

    private final List<MimeMessage> sent = new ArrayList<>();
    private final JavaMailSender capture = new JavaMailSenderImpl() {
        @Override
        public void send(MimeMessage message) {
            sent.add(message);
        }
    };
    private final MailChannel mail = new MailChannel(
            new StaticListableBeanFactory(Map.of("mailSender", capture)).getBeanProvider(JavaMailSender.class),
            "Steppe Watch <alerts@steppewatch.example>", new PublicLinks("http://localhost:8083"), Clock.systemUTC());

    private static Subscription subscription(String name) {
        return new Subscription("s1", name, null, null, Subscription.EMAIL, null, null, "akimat@baikonur.kz", "en",
                Severity.MINOR, Subscription.ACTIVE, Instant.EPOCH, "hash", "unsub", "confirm");
    }

    @Test
    void anAlertMailCarriesNoControlCharactersAndItsSubjectIsOneLine() throws Exception {
        AlertPayloads.Text text = new AlertPayloads.Text("Extreme\u0000 danger\r\nBcc: victim@example.org\u202E",
                "Shelter\u001b[2J now.\nStay in\u0085side.", "Close the windows.\u0007");
        AlertPayloads.AlertPayload alert = new AlertPayloads.AlertPayload("a1", "Alert", Instant.EPOCH, false,
                "<alert/>", Map.of(), Map.of("en", text));

        mail.sendAlert(subscription("Akimat\u2066"), alert, "AEGL-2");

        MimeMessage message = sent.get(0);
        assertThat(message.getSubject()).isEqualTo("Extreme danger  Bcc: victim@example.org");
        assertThat(message.getHeader("Bcc")).isNull();
        String body = body(message);
        assertThat(body).startsWith("Extreme danger\r\nBcc: victim@example.org\n\nShelter[2J now.\nStay inside.")
                .contains("Close the windows.\n")
                .doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    }

    private static String body(MimeMessage message) throws IOException, MessagingException {
        Object content = message.getContent();
        return content instanceof Multipart multipart ? bodyOf(multipart) : content.toString();
    }

    private static String bodyOf(Multipart multipart) throws IOException, MessagingException {
        Object first = multipart.getBodyPart(0).getContent();
        return first instanceof Multipart inner ? bodyOf(inner) : first.toString();
    }
}
