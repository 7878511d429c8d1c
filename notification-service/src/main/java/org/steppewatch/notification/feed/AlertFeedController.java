package org.steppewatch.notification.feed;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.cap.Texts;

import com.rometools.rome.io.FeedException;

/**
 * The public Atom feed of alerts in force, for partners and CAP aggregators: one entry per
 * incident (its latest Alert, Update or Cancel), not expired and not cancelled, each linking its
 * CAP document as {@code application/cap+xml}. {@code ?lang=kk|ru|en} picks the language of the
 * titles and summaries (English by default).
 */
@RestController
class AlertFeedController {

    private static final int MAX_ENTRIES = 200;

    private final ActiveAlerts alerts;
    private final PublicLinks links;
    private final Texts texts = Texts.shipped();

    AlertFeedController(ActiveAlerts alerts, PublicLinks links) {
        this.alerts = alerts;
        this.links = links;
    }

    @GetMapping("/feeds/alerts.atom")
    ResponseEntity<String> feed(@RequestParam(defaultValue = "en") String lang) throws FeedException {
        AtomFeeds.checkLanguage(lang);
        List<AtomFeeds.Item> items = alerts.active(MAX_ENTRIES).stream().map(a -> new AtomFeeds.Item(a.id(), a.sent(),
                links.cap(a.id()), links.alert(a.id()), a.headlines().getOrDefault(lang, a.headlines().get("en")),
                a.descriptions().getOrDefault(lang, ""))).toList();
        return AtomFeeds.write(lang, texts.text(lang, "feed.title"), texts.text(lang, "feed.subtitle"), links.feed(), items);
    }
}
