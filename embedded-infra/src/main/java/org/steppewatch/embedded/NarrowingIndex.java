package org.steppewatch.embedded;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * Embedded-server workaround: mongo-java-server's {@code _id} index, made to serve also a query that names
 * {@code _id} and more fields. The server's own unique indexes serve a query only when its fields are exactly
 * the index's keys ({@code AbstractUniqueIndex.canHandle} compares key sets), so a write fenced by a lease
 * token, {@code {_id: id, leaseToken: token}} (sent by the driver's {@code Filters.and} as
 * {@code {$and: [{_id: id}, {leaseToken: token}]}}), scanned the whole collection: at 100,000 deliveries an update
 * took 40 ms against 2 ms by {@code _id} alone. A real MongoDB uses the {@code _id} index for such a query and
 * filters the one document it finds; this does the same. The index narrows the candidates to the document
 * holding the queried {@code _id}; the collection then matches every candidate against the whole query, as it
 * does for any index, so the result is the same as a scan's.
 * <p>
 * Only a plain equality on {@code _id} narrows, at the query's top level or in a top-level {@code $and}: an
 * operator, a list, a sub-document, a regular expression or null is left to the server's own rules. Every write
 * goes to the server's own index unchanged.
 */
final class NarrowingIndex<P> extends Index<P> {

    private final Index<P> delegate;

    NarrowingIndex(Index<P> delegate, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.delegate = delegate;
    }

    @Override
    public boolean canHandle(Document query) {
        if (delegate.canHandle(query)) {
            return true;
        }
        Document narrowed = narrowed(query);
        return narrowed != null && delegate.canHandle(narrowed);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return delegate.canHandle(query) ? delegate.getPositions(query) : delegate.getPositions(narrowed(query));
    }

    /**
     * The query cut down to {@code {_id: value}}, or null when it holds no plain equality on {@code _id}, at its top
     * level or in a top-level {@code $and} (the driver's {@code Filters.and} sends {@code {$and: [{_id: ..}, ..]}}).
     */
    private Document narrowed(Document query) {
        Object value = plainEquality(query);
        return value == null ? null : new Document(keys().get(0), value);
    }

    private Object plainEquality(Document query) {
        Object value = query.get(keys().get(0));
        if (isPlainValue(value)) {
            return value;
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                Object inClause = clause instanceof Document d ? plainEquality(d) : null;
                if (inClause != null) {
                    return inClause;
                }
            }
        }
        return null;
    }

    private static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>) && !(value instanceof Pattern)
                && !(value instanceof BsonRegularExpression) && !value.getClass().isArray();
    }

    @Override
    public P getPosition(Document document) {
        return delegate.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        delegate.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        delegate.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return delegate.remove(document);
    }

    @Override
    public long getCount() {
        return delegate.getCount();
    }

    @Override
    public long getDataSize() {
        return delegate.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        delegate.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        delegate.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        delegate.drop();
    }

    @Override
    public boolean isUnique() {
        return delegate.isUnique();
    }
}
