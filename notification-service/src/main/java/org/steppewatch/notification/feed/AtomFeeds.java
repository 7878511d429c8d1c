package org.steppewatch.notification.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** The Atom (ROME) feeds of CAP messages, alerts and notices alike: one entry per message, linking its CAP document. */
final class AtomFeeds {

    static final String ATOM = "application/atom+xml";

    private AtomFeeds() {
    }

    /** One message: its id, when it was sent, its CAP and JSON links, its headline and description in the feed's language. */
    record Item(String id, Instant sent, String capUrl, String jsonUrl, String title, String summary) {
    }

    static void checkLanguage(String lang) {
        if (!Texts.LANGUAGES.contains(lang)) {
            throw Problems.invalid("lang must be one of " + Texts.LANGUAGES, List.of());
        }
    }

    static ResponseEntity<String> write(String lang, String title, String subtitle, String feedUrl, List<Item> items)
            throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setDescription(subtitle);
        feed.setLanguage(lang);
        feed.setUri(feedUrl);
        feed.setLink(feedUrl);
        feed.setLinks(List.of(link("self", ATOM, feedUrl + (lang.equals("en") ? "" : "?lang=" + lang))));
        feed.setPublishedDate(items.isEmpty() ? new Date(0) : Date.from(items.get(0).sent()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Item item : items) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:uuid:" + item.id());
            // stored messages may predate the composers' sanitising: no control characters in the feed either
            entry.setTitle(ControlCharacters.stripToLine(item.title()));
            entry.setLinks(List.of(link("alternate", CapXml.MEDIA_TYPE, item.capUrl()),
                    link("related", MediaType.APPLICATION_JSON_VALUE, item.jsonUrl())));
            entry.setLink(item.capUrl());
            entry.setPublishedDate(Date.from(item.sent()));
            entry.setUpdatedDate(Date.from(item.sent()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(ControlCharacters.strip(item.summary() == null ? "" : item.summary()));
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
