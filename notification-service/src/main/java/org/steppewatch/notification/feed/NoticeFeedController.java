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
 * The public Atom feed of contamination notices, newest first (at most 200): one entry per notice, linking its CAP
 * document as {@code application/cap+xml} and its JSON. A notice does not expire or get replaced, so the feed is the
 * latest ones. {@code ?lang=kk|ru|en} as for the alerts feed.
 */
@RestController
class NoticeFeedController {

    private static final int MAX_ENTRIES = 200;

    private final RecentNotices notices;
    private final PublicLinks links;
    private final Texts texts = Texts.shipped();

    NoticeFeedController(RecentNotices notices, PublicLinks links) {
        this.notices = notices;
        this.links = links;
    }

    @GetMapping("/feeds/notices.atom")
    ResponseEntity<String> feed(@RequestParam(defaultValue = "en") String lang) throws FeedException {
        AtomFeeds.checkLanguage(lang);
        List<AtomFeeds.Item> items = notices.recent(MAX_ENTRIES).stream().map(n -> new AtomFeeds.Item(n.id(), n.sent(),
                links.noticeCap(n.id()), links.notice(n.id()), n.headlines().getOrDefault(lang, n.headlines().get("en")),
                n.descriptions().getOrDefault(lang, ""))).toList();
        return AtomFeeds.write(lang, texts.text(lang, "feed.notices.title"), texts.text(lang, "feed.notices.subtitle"),
                links.noticeFeed(), items);
    }
}
