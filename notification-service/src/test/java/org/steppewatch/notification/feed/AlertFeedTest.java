package org.steppewatch.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.steppewatch.contracts.AssessmentWithdrawn;
import org.steppewatch.contracts.Severity;
import org.steppewatch.notification.IntegrationTest;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

/** The public Atom feed: alerts in force only, the latest message per incident, each linking its CAP document. */
class AlertFeedTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private SyndFeed feed(String query) throws Exception {
        HttpResponse<String> response = get("/feeds/alerts.atom" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/atom+xml"));
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    private static List<SyndEntry> entriesFor(SyndFeed feed, List<String> alertIds) {
        return feed.getEntries().stream().filter(e -> alertIds.stream().anyMatch(id -> e.getUri().endsWith(id))).toList();
    }

    private String alertOf(String incident, long version) throws Exception {
        return await().atMost(DEADLINE).until(() -> {
            for (var a : json(get("/api/v1/alerts?incidentId=" + incident))) {
                if (a.get("incidentVersion").asLong() == version) {
                    return a.get("id").stringValue();
                }
            }
            return null;
        }, id -> id != null);
    }

    @Test
    void theFeedListsTheLatestActiveMessageOfEachIncidentLinkingItsCapDocument() throws Exception {
        String incident = newIncidentId();
        publish(assessment(incident, 1, Severity.SEVERE, zoneAroundBaikonur()));
        String first = alertOf(incident, 1);

        SyndFeed feed = feed("");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Steppe Watch: active alerts");
        SyndEntry entry = entriesFor(feed, List.of(first)).get(0);
        assertThat(entry.getUri()).isEqualTo("urn:uuid:" + first);
        assertThat(entry.getTitle()).isEqualTo("Severe danger: Rocket launch failure near Baikonur");
        SyndLink cap = entry.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).findFirst().orElseThrow();
        assertThat(cap.getType()).isEqualTo("application/cap+xml");
        assertThat(cap.getHref()).isEqualTo(PUBLIC_BASE + "/api/v1/alerts/" + first + "/cap");
        HttpResponse<String> document = follow(cap.getHref(), null);
        assertThat(document.statusCode()).isEqualTo(200);
        org.steppewatch.notification.cap.CapSchema.assertValid(document.body());

        // titles in Kazakh on request
        assertThat(entriesFor(feed("?lang=kk"), List.of(first)).get(0).getTitle())
                .isEqualTo("Жоғары қауіп: Зымыран тасығыштың апаты, Байқоңыр маңы");
        assertThat(get("/feeds/alerts.atom?lang=de").statusCode()).isEqualTo(400);

        // an Update supersedes the Alert in the feed
        publish(assessment(incident, 2, Severity.EXTREME, zoneAroundBaikonur()));
        String second = alertOf(incident, 2);
        assertThat(entriesFor(feed(""), List.of(first, second))).extracting(SyndEntry::getUri)
                .containsExactly("urn:uuid:" + second);

        // after a withdrawal only the Cancel is listed, so readers learn the alert no longer stands
        publish(new AssessmentWithdrawn(incident, 3, Instant.now(), "test", List.of()));
        String cancel = await().atMost(DEADLINE).until(() -> json(get("/api/v1/alerts?incidentId=" + incident)).get(0),
                a -> "Cancel".equals(a.get("msgType").stringValue())).get("id").stringValue();
        assertThat(entriesFor(feed(""), List.of(first, second, cancel))).extracting(SyndEntry::getUri)
                .containsExactly("urn:uuid:" + cancel);
    }

    @Test
    void controlCharactersInAStoredAlertNeverReachTheFeed() throws Exception {
        String incident = newIncidentId();
        publish(assessment(incident, 1, Severity.MODERATE, zoneAroundBaikonur()));
        String alertId = alertOf(incident, 1);

        // an alert stored before the composer sanitised its texts, or by another writer
        Document stored = mongo.findById(alertId, Document.class, "alerts");
        Document en = stored.get("texts", Document.class).get("en", Document.class);
        en.put("headline", "Moderate\u0000 danger\u202E near\nBaikonur\u0007");
        en.put("description", "Line one\u001b[2J\nline two\u0085");
        mongo.save(stored, "alerts");

        HttpResponse<String> response = get("/feeds/alerts.atom");
        assertThat(response.body()).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E]");
        SyndEntry entry = entriesFor(new SyndFeedInput().build(new StringReader(response.body())), List.of(alertId)).get(0);
        assertThat(entry.getTitle()).isEqualTo("Moderate danger near Baikonur");
        assertThat(entry.getDescription().getValue()).isEqualTo("Line one[2J\nline two");
    }

    @Test
    void anExpiredAlertIsNotListed() throws Exception {
        String incident = newIncidentId();
        publish(assessment(incident, 1, Severity.MODERATE, zoneAroundBaikonur()));
        String alertId = alertOf(incident, 1);
        assertThat(entriesFor(feed(""), List.of(alertId))).hasSize(1);

        // the same alert, 25 hours older: expired an hour ago
        Document stored = mongo.findById(alertId, Document.class, "alerts");
        String old = UUID.randomUUID().toString();
        String oldIncident = newIncidentId();
        stored.put("_id", old);
        stored.put("incidentId", oldIncident);
        stored.put("sent", Date.from(Instant.now().minusSeconds(25 * 3600)));
        stored.put("expires", Date.from(Instant.now().minusSeconds(3600)));
        stored.remove("outbox");
        mongo.insert(stored, "alerts");
        assertThat(json(get("/api/v1/alerts/" + old)).get("status").stringValue()).isEqualTo("EXPIRED");
        assertThat(entriesFor(feed(""), List.of(old))).isEmpty();
        assertThat(entriesFor(feed(""), List.of(alertId))).hasSize(1);
    }
}
