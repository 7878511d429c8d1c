package org.steppewatch.notification.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.steppewatch.contracts.Severity;
import org.steppewatch.eventing.OutboxMessage;
import org.steppewatch.notification.PublicLinks;
import org.steppewatch.notification.delivery.AlertPayloads;
import org.steppewatch.notification.delivery.NoticePayloads;
import org.steppewatch.notification.feed.RecentNotices;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices in MongoDB, one per result (the id is derived from the result id), each with its signed CAP document as
 * issued, the subscriptions it was addressed to, and the outbox of its {@code NoticeIssued} event in the same
 * document write. {@code fanOutDone} turns true once every delivery exists.
 */
@Component
class NoticeStore implements NoticePayloads, RecentNotices {

    /** Also named in steppewatch.eventing.outbox-collections, so the relay publishes its outbox. */
    static final String COLLECTION = "notices";
    static final String FAN_OUT_DONE = "fanOutDone";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final PublicLinks links;

    NoticeStore(MongoTemplate mongo, JsonMapper json, PublicLinks links) {
        this.mongo = mongo;
        this.json = json;
        this.links = links;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("sent", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("siteId", Sort.Direction.ASC));
    }

    /** A subscription the notice was addressed to. */
    record Recipient(String subscriptionId, String channelType, String language) {
    }

    /** @return false when the notice existed already (a redelivered result): nothing was written */
    boolean insertIfAbsent(NoticeView notice, String cap, List<Recipient> recipients, OutboxMessage event) {
        Document texts = new Document();
        notice.texts().forEach((lang, t) -> texts.append(lang, new Document("headline", t.headline())
                .append("description", t.description()).append("instruction", t.instruction())));
        Document doc = new Document("_id", notice.id())
                .append("resultId", notice.resultId())
                .append("siteId", notice.siteId())
                .append("location", notice.location() == null ? null : new Document(notice.location()))
                .append("substance", notice.substance())
                .append("medium", notice.medium())
                .append("severity", notice.severity().cap())
                .append("urgency", notice.urgency())
                .append("certainty", notice.certainty())
                .append("highestRatio", notice.highestRatio())
                .append("regime", notice.regime())
                .append("severityRule", notice.severityRule())
                .append("sent", Date.from(notice.sent()))
                .append("texts", texts)
                .append("recipientCount", recipients.size())
                .append("recipients", recipients.stream().map(r -> new Document("subscriptionId", r.subscriptionId())
                        .append("channelType", r.channelType()).append("language", r.language())).toList())
                .append("cap", cap)
                .append(FAN_OUT_DONE, false)
                // the event rides in the same document write as the notice: no dual write
                .append(OutboxMessage.FIELD, List.of(event.toDocument()));
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Whether the notice exists and its deliveries do too; empty when there is no such notice. */
    Optional<Boolean> fanOutDone(String id) {
        Query q = query(where("_id").is(id));
        q.fields().include(FAN_OUT_DONE);
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(d -> d.getBoolean(FAN_OUT_DONE, false));
    }

    List<Recipient> recipients(String id) {
        Query q = query(where("_id").is(id));
        q.fields().include("recipients");
        Document d = mongo.findOne(q, Document.class, COLLECTION);
        return d == null ? List.of() : d.getList("recipients", Document.class, List.of()).stream()
                .map(r -> new Recipient(r.getString("subscriptionId"), r.getString("channelType"), r.getString("language")))
                .toList();
    }

    void markFanOutDone(String id) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set(FAN_OUT_DONE, true), COLLECTION);
    }

    Optional<NoticeView> find(String id) {
        return Optional.ofNullable(mongo.findOne(withoutBulk(query(where("_id").is(id))), Document.class, COLLECTION))
                .map(this::view);
    }

    Optional<String> cap(String id) {
        Query q = query(where("_id").is(id));
        q.fields().include("cap");
        return Optional.ofNullable(mongo.findOne(q, Document.class, COLLECTION)).map(d -> d.getString("cap"));
    }

    /** Newest first, optionally of one site. */
    NoticePage page(String siteId, int page, int size) {
        Query q = siteId == null ? new Query() : query(where("siteId").is(siteId));
        long total = mongo.count(q, COLLECTION);
        q.with(Sort.by(Sort.Order.desc("sent"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        List<NoticeView> items = mongo.find(withoutBulk(q), Document.class, COLLECTION).stream().map(this::view).toList();
        return new NoticePage(items, page, size, total);
    }

    @Override
    public List<RecentNotices.Entry> recent(int limit) {
        return page(null, 0, limit).items().stream().map(n -> {
            Map<String, String> headlines = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            n.texts().forEach((lang, t) -> {
                headlines.put(lang, t.headline());
                descriptions.put(lang, t.description());
            });
            return new RecentNotices.Entry(n.id(), n.sent(), headlines, descriptions);
        }).toList();
    }

    @Override
    public Map<String, AlertPayloads.AlertPayload> load(Collection<String> noticeIds) {
        Query q = query(where("_id").in(noticeIds));
        q.fields().exclude("recipients").exclude(OutboxMessage.FIELD);
        Map<String, AlertPayloads.AlertPayload> payloads = new LinkedHashMap<>();
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            NoticeView view = view(d);
            Map<String, AlertPayloads.Text> texts = new LinkedHashMap<>();
            view.texts().forEach((lang, t) -> texts.put(lang, new AlertPayloads.Text(t.headline(), t.description(),
                    t.instruction())));
            // the cap is kept out of data: the webhook adds it as its own field, as for alerts
            payloads.put(view.id(), new AlertPayloads.AlertPayload(view.id(), view.msgType(), view.sent(), false,
                    d.getString("cap"), json.convertValue(view, MAP), texts));
        }
        return payloads;
    }

    /** What a read needs, without the CAP text, the recipients and the outbox. */
    private static Query withoutBulk(Query q) {
        q.fields().exclude("recipients").exclude(OutboxMessage.FIELD).exclude("cap");
        return q;
    }

    private NoticeView view(Document d) {
        Map<String, NoticeView.Text> texts = new LinkedHashMap<>();
        Document textDoc = d.get("texts", Document.class);
        if (textDoc != null) {
            textDoc.forEach((lang, t) -> {
                Document td = (Document) t;
                texts.put(lang, new NoticeView.Text(td.getString("headline"), td.getString("description"),
                        td.getString("instruction")));
            });
        }
        Document location = d.get("location", Document.class);
        String id = d.getString("_id");
        NoticeView.Text en = texts.get("en");
        return new NoticeView(id, d.getString("resultId"), d.getString("siteId"), location,
                d.getString("substance"), d.getString("medium"), Severity.fromCap(d.getString("severity")),
                d.getString("urgency"), d.getString("certainty"), "Env", "Alert",
                ((Number) d.get("highestRatio")).doubleValue(), d.getString("regime"), d.getString("severityRule"),
                d.getDate("sent").toInstant(), en == null ? null : en.headline(), texts,
                d.getInteger("recipientCount", 0), links.noticeCap(id), null);
    }
}
