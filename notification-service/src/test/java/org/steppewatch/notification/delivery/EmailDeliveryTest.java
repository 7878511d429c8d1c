package org.steppewatch.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;
import org.steppewatch.notification.TestMail;
import org.steppewatch.notification.WebhookReceiver;
import org.steppewatch.notification.cap.CapSchema;
import org.steppewatch.notification.notice.Findings;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** Double opt-in and alert mails through a real SMTP server (GreenMail, in-process). */
class EmailDeliveryTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_BASE) + "/\\S+");

    private static List<String> links(String text) {
        Matcher m = LINK.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The decoded text/plain part, however deeply the mail nests it. */
    private static String text(jakarta.mail.Part part) throws Exception {
        return find(part, "text/plain").getContent().toString();
    }

    private static jakarta.mail.Part find(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.Part found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Map<String, Object> emailSubscription(String name, String address, String language) {
        return Map.of("name", name, "area", Map.of("settlementId", BAIKONUR),
                "channel", Map.of("type", "email", "address", address), "language", language);
    }

    @Test
    void anEmailSubscriptionGetsAlertsOnlyAfterItsLinkIsFollowedInItsLanguageWithAWorkingUnsubscribeLink()
            throws Exception {
        String address = "akimat-" + System.nanoTime() + "@toretam.example.kz";
        try (WebhookReceiver witness = WebhookReceiver.start()) {
            subscribe(webhookSubscription("Witness", Map.of("settlementId", BAIKONUR), witness.url(), null, "en", null));
            JsonNode sub = subscribe(emailSubscription("Төретам әкімдігі", address, "kk"));
            String id = sub.get("id").stringValue();
            assertThat(sub.get("state").stringValue()).isEqualTo("PENDING_CONFIRMATION");

            // the confirmation mail arrives, in Kazakh, with the confirm and the unsubscribe links
            await().atMost(DEADLINE).until(() -> TestMail.to(address).size() == 1);
            MimeMessage confirmation = TestMail.to(address).get(0);
            assertThat(confirmation.getSubject()).isEqualTo("Steppe Watch хабарламаларына жазылуды растаңыз");
            String confirmText = text(confirmation);
            assertThat(confirmText).contains("«Төретам әкімдігі»");
            List<String> confirmLinks = links(confirmText);
            assertThat(confirmLinks).hasSize(2);
            assertThat(confirmLinks.get(0)).contains("/api/v1/subscriptions/" + id + "/confirm?token=");
            assertThat(confirmLinks.get(1)).contains("/api/v1/subscriptions/" + id + "/unsubscribe?token=");
            assertThat(confirmation.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + confirmLinks.get(1) + ">");

            // not confirmed yet: an alert reaches the witness but not this address
            String before = newIncidentId();
            publish(assessment(before, 1, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> witness.requests().size() == 1);
            assertThat(TestMail.to(address)).hasSize(1);

            // a wrong token confirms nothing
            assertThat(follow(confirmLinks.get(0).replaceAll("token=.*", "token=forged"), null).statusCode()).isEqualTo(404);
            assertThat(submit(confirmLinks.get(0).replaceAll("token=.*", "token=forged"), null).statusCode()).isEqualTo(404);
            // following the link (as a mail scanner does by itself) only asks, in Kazakh, with a button that POSTs
            String html = "text/html,application/xhtml+xml";
            HttpResponse<String> question = follow(confirmLinks.get(0), html);
            assertThat(question.statusCode()).isEqualTo(200);
            assertThat(question.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
            assertThat(question.body()).contains("lang=\"kk\"").contains("растаңыз").contains("<form method=\"post\"")
                    .contains(">Растау</button>");
            assertThat(json(follow(confirmLinks.get(0), null)).get("state").stringValue()).isEqualTo("PENDING_CONFIRMATION");
            // the button confirms
            HttpResponse<String> page = submit(confirmLinks.get(0), html);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("lang=\"kk\"").contains("расталды");
            HttpResponse<String> again = submit(confirmLinks.get(0), null);
            assertThat(json(again).get("state").stringValue()).isEqualTo("ACTIVE");
            assertThat(follow(confirmLinks.get(0), html).body()).contains("расталды").doesNotContain("<form");

            // now an alert mail arrives, in Kazakh, with the CAP document attached and an unsubscribe link
            String incident = newIncidentId();
            publish(assessment(incident, 1, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> TestMail.to(address).size() == 2);
            MimeMessage alertMail = TestMail.to(address).get(1);
            assertThat(alertMail.getSubject()).isEqualTo("Төтенше қауіп: Зымыран тасығыштың апаты, Байқоңыр маңы");
            String body = text(alertMail);
            assertThat(body).contains("Дереу ғимаратқа кіріп").contains("«Төретам әкімдігі»").contains("AEGL-2");
            jakarta.mail.Part cap = find(alertMail, "application/cap+xml");
            assertThat(cap).as("the CAP attachment").isNotNull();
            String attached = new String(cap.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            CapSchema.assertValid(attached);
            // the signed document, byte for byte as the API serves it
            String alertIdOfMail = json(get("/api/v1/alerts?incidentId=" + incident)).get(0).get("id").stringValue();
            assertThat(attached).contains("<KeyName>").isEqualTo(get("/api/v1/alerts/" + alertIdOfMail + "/cap").body());
            List<String> alertLinks = links(body);
            String unsubscribe = alertLinks.stream().filter(l -> l.contains("/unsubscribe?token=")).findFirst().orElseThrow();
            assertThat(alertMail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

            // the delivery is recorded like a webhook's
            String alertId = json(get("/api/v1/alerts?incidentId=" + incident)).get(0).get("id").stringValue();
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(deliveries(alertId).findValuesAsString("state"))
                    .containsOnly("SENT"));
            assertThat(deliveries(alertId).findValuesAsString("channelType")).contains("email", "webhook");

            // the unsubscribe link works without the manage token, for this subscription only: following it asks,
            // posting to it (the page's button, or the mail client's one-click) unsubscribes
            assertThat(follow(unsubscribe, "text/html").body()).contains(">Жазылымнан бас тарту</button>");
            assertThat(json(follow(unsubscribe, null)).get("state").stringValue()).isEqualTo("ACTIVE");
            HttpResponse<String> gone = submit(unsubscribe, null);
            assertThat(gone.statusCode()).isEqualTo(200);
            assertThat(json(gone).get("state").stringValue()).isEqualTo("DELETED");
            String after = newIncidentId();
            publish(assessment(after, 1, Severity.EXTREME, zoneAroundBaikonur()));
            await().atMost(DEADLINE).until(() -> witness.requests().size() == 3);
            String afterAlert = json(get("/api/v1/alerts?incidentId=" + after)).get(0).get("id").stringValue();
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(deliveries(afterAlert).findValuesAsString("channelType"))
                    .containsExactly("webhook"));
            assertThat(TestMail.to(address)).hasSize(2);
        }
    }

    @Test
    void aConfirmedEmailSubscriptionToNoticesGetsTheNoticeMailWithItsSignedCapAttached() throws Exception {
        String address = "nura-" + System.nanoTime() + "@temirtau.example.kz";
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "Темиртау, школа №3");
        body.put("area", Map.of("point", Map.of("type", "Point", "coordinates",
                List.of(Findings.NURA_LON, Findings.NURA_LAT)), "radiusKm", 3));
        body.put("channel", Map.of("type", "email", "address", address));
        body.put("language", "ru");
        body.put("kinds", List.of("NOTICE"));
        subscribe(body);
        await().atMost(DEADLINE).until(() -> TestMail.to(address).size() == 1);
        String confirm = links(text(TestMail.to(address).get(0))).get(0);
        assertThat(json(submit(confirm, null)).get("state").stringValue()).isEqualTo("ACTIVE");
        String siteId = Findings.newSiteId();

        publish(Findings.mercuryInTheNura(siteId));

        await().atMost(DEADLINE).until(() -> TestMail.to(address).size() == 2);
        MimeMessage mail = TestMail.to(address).get(1);
        JsonNode notice = json(get("/api/v1/notices?siteId=" + siteId)).get("items").get(0);
        String noticeId = notice.get("id").stringValue();
        assertThat(mail.getSubject()).isEqualTo(notice.get("texts").get("ru").get("headline").stringValue())
                .contains("в 12.5 раз выше норматива");
        String text = text(mail);
        assertThat(text).contains("«Темиртау, школа №3»")
                .contains(PUBLIC_BASE + "/api/v1/notices/" + noticeId + "/cap");
        jakarta.mail.Part cap = find(mail, "application/cap+xml");
        assertThat(cap).as("the CAP attachment").isNotNull();
        String attached = new String(cap.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        CapSchema.assertValid(attached);
        assertThat(attached).contains("<KeyName>").isEqualTo(get("/api/v1/notices/" + noticeId + "/cap").body());
        assertThat(mail.getHeader("List-Unsubscribe")).isNotNull();
    }
}
