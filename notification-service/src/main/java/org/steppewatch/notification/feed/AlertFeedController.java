package org.steppewatch.notification.feed;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.cap.CapXml;
import org.steppewatch.notification.cap.Texts;
import org.steppewatch.web.ControlCharacters;
import org.steppewatch.web.Problems;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * The public Atom feed of alerts in force, for partners and CAP aggregators: one entry per
 * incident (its latest Alert, Update or Cancel), not expired and not cancelled, each linking its
 * CAP document as {@code application/cap+xml}. {@code ?lang=kk|ru|en} picks the language of the
 * titles and summaries (English by default).
 */
@RestController
class AlertFeedController {

    static final String ATOM = "application/atom+xml";
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
        if (!Texts.LANGUAGES.contains(lang)) {
            throw Problems.invalid("lang must be one of " + Texts.LANGUAGES, List.of());
        }
        List<ActiveAlerts.Entry> active = alerts.active(MAX_ENTRIES);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(texts.text(lang, "feed.title"));
        feed.setDescription(texts.text(lang, "feed.subtitle"));
        feed.setLanguage(lang);
        feed.setUri(links.feed());
        feed.setLink(links.feed());
        feed.setLinks(List.of(link("self", ATOM, links.feed() + (lang.equals("en") ? "" : "?lang=" + lang))));
        feed.setPublishedDate(active.isEmpty() ? new Date(0) : Date.from(active.get(0).sent()));
        List<SyndEntry> entries = new ArrayList<>();
        for (ActiveAlerts.Entry a : active) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:uuid:" + a.id());
            // stored alerts may predate the composer's sanitising: no control characters in the feed either
            entry.setTitle(ControlCharacters.stripToLine(a.headlines().getOrDefault(lang, a.headlines().get("en"))));
            entry.setLinks(List.of(link("alternate", CapXml.MEDIA_TYPE, links.cap(a.id())),
                    link("related", MediaType.APPLICATION_JSON_VALUE, links.alert(a.id()))));
            entry.setLink(links.cap(a.id()));
            entry.setPublishedDate(Date.from(a.sent()));
            entry.setUpdatedDate(Date.from(a.sent()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(ControlCharacters.strip(a.descriptions().getOrDefault(lang, "")));
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        String xml = new SyndFeedOutput().outputString(feed);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ATOM + ";charset=UTF-8")).body(xml);
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
