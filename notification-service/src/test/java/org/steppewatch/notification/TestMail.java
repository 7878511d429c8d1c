package org.steppewatch.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One GreenMail SMTP server per test JVM (a real SMTP server, in-process, on a free port), shared
 * like the broker and MongoDB of TestInfrastructure. Tests tell their mails apart by recipient.
 */
public final class TestMail {

    private static volatile GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-shutdown"));
            server = mail;
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** Mails received so far for {@code address}, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }
}
