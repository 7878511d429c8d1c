package org.steppewatch.notification.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.cap.CapXml;
import org.steppewatch.notification.cap.Texts;
import org.steppewatch.notification.subscription.Subscription;
import org.steppewatch.web.ControlCharacters;

import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP ({@code spring.mail.*}): the confirmation mail of the double opt-in, alert and
 * contamination notice mails in the subscriber's language, each with an unsubscribe link (also as RFC 8058 one-click
 * {@code List-Unsubscribe} headers) and the CAP document attached. Sending blocks, so the worker
 * runs it on its own few threads; a refused connection or a timeout is an attempt that failed,
 * retried like a webhook's.
 */
@Component
class MailChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final PublicLinks links;
    private final Clock clock;
    private final Texts texts = Texts.shipped();

    MailChannel(ObjectProvider<JavaMailSender> sender,
                @Value("${steppewatch.mail.from:Steppe Watch <alerts@steppewatch.example>}") String from,
                PublicLinks links, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.links = links;
        this.clock = clock;
    }

    DeliveryView.Attempt sendConfirmation(Subscription s) {
        String lang = s.language();
        String unsubscribe = links.unsubscribe(s.id(), s.unsubscribeToken());
        String body = texts.text(lang, "mail.confirm.body", s.name(), links.confirm(s.id(), s.confirmToken()), unsubscribe);
        return send(s.address(), texts.text(lang, "mail.confirm.subject"), body, unsubscribe, null, null);
    }

    DeliveryView.Attempt sendAlert(Subscription s, AlertPayloads.AlertPayload alert, String level) {
        String lang = s.language();
        AlertPayloads.Text text = alert.texts().get(lang);
        String unsubscribe = links.unsubscribe(s.id(), s.unsubscribeToken());
        String body = text.headline() + "\n\n" + text.description() + "\n\n" + text.instruction() + "\n\n"
                + texts.text(lang, "mail.alert.reason", s.name(), level == null ? texts.text(lang, "mail.zone.none") : level)
                + "\n\n" + texts.text(lang, "mail.alert.links", links.cap(alert.id()), unsubscribe) + "\n";
        return send(s.address(), text.headline(), body, unsubscribe, "alert-" + alert.id() + ".cap.xml", alert.cap());
    }

    /** A contamination notice: the same layout as an alert mail, its own reason line and links. */
    DeliveryView.Attempt sendNotice(Subscription s, AlertPayloads.AlertPayload notice) {
        String lang = s.language();
        AlertPayloads.Text text = notice.texts().get(lang);
        String unsubscribe = links.unsubscribe(s.id(), s.unsubscribeToken());
        String body = text.headline() + "\n\n" + text.description() + "\n\n" + text.instruction() + "\n\n"
                + texts.text(lang, "mail.notice.reason", s.name()) + "\n\n"
                + texts.text(lang, "mail.alert.links", links.noticeCap(notice.id()), unsubscribe) + "\n";
        return send(s.address(), text.headline(), body, unsubscribe, "notice-" + notice.id() + ".cap.xml", notice.cap());
    }

    private DeliveryView.Attempt send(String to, String subject, String body, String unsubscribe, String attachmentName,
                                      String attachment) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return new DeliveryView.Attempt(at, "error", null, "no SMTP server configured (spring.mail.host)", 0);
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            // one sanitiser for everything a mail says: no header folding from a subject, no controls in the body
            helper.setSubject(ControlCharacters.stripToLine(subject));
            helper.setText(ControlCharacters.strip(body), false);
            if (attachment != null) {
                helper.addAttachment(attachmentName, new ByteArrayResource(attachment.getBytes(StandardCharsets.UTF_8)),
                        CapXml.MEDIA_TYPE);
            }
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Auto-Submitted", "auto-generated");
            mail.send(message);
            return new DeliveryView.Attempt(at, "success", null, null, WebhookSender.millisSince(started));
        } catch (Exception e) {
            return new DeliveryView.Attempt(at, classify(e), null, WebhookSender.describe(e),
                    WebhookSender.millisSince(started));
        }
    }

    private static String classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "connection_error";
            }
            if (t instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (t instanceof jakarta.mail.MessagingException m && m.getNextException() != null
                    && m.getNextException() != t && !classify(m.getNextException()).equals("error")) {
                return classify(m.getNextException());
            }
        }
        return "error";
    }
}
