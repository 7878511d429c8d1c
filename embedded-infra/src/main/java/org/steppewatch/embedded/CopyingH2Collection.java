package org.steppewatch.embedded;

import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The server's H2 collection, handing its updates copies of the documents they matched. The server updates a
 * document by changing the object its query returned and then storing that object again; in H2 that object still
 * sits on a page a commit may be writing at that moment, on another thread, so the commit failed (and closed the
 * store) or could write a document half old, half new. On a copy, the stored object stays as it is until the update
 * replaces it. Reads are not copied: they change nothing, and an aggregation reads whole collections.
 * <p>
 * It keeps no running data size: the server measured it by encoding each document twice per update and stored it
 * in the collection's metadata map, one more page for every commit; only {@code collStats}' {@code size} showed it,
 * and nothing here asks for that.
 */
final class CopyingH2Collection extends H2Collection {

    /** Set while this collection's lock is held by an update: every method that reaches a query holds it. */
    private boolean updating;

    CopyingH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                        MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog oplog) {
        return updating(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return updating(() -> super.findAndModify(query));
    }

    private <T> T updating(Supplier<T> update) {
        updating = true;
        try {
            return update.get();
        } finally {
            updating = false;
        }
    }

    /** Every query of the server ends here, by index or by scan; in an update, the matched documents are copied. */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> stored, int skip, int limit,
                                                   int batchSize, Comparator<Document> order, Document fields) {
        if (!updating) {
            return super.matchDocumentsFromStream(query, stored, skip, limit, batchSize, order, fields);
        }
        Stream<Document> copies = stored.filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
        return super.matchDocumentsFromStream(query, copies, skip, limit, batchSize, order, fields);
    }
}
