package org.steppewatch.embedded;

import java.util.Comparator;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The server's H2 collection, handing out copies of the documents a query matched. The server updates a document
 * by changing the object its query returned and then storing that object again; in H2 that object still sits on a
 * page a commit may be writing at that moment, on another thread, so the commit failed (and closed the store) or
 * wrote a document half old, half new. On a copy, the stored object stays as it is until the update replaces it.
 */
final class CopyingH2Collection extends H2Collection {

    CopyingH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                        MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    /** Every query of the server ends here, by index or by scan; only the matched documents are copied. */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> stored, int skip, int limit,
                                                   int batchSize, Comparator<Document> order, Document fields) {
        Stream<Document> copies = stored.filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
        return super.matchDocumentsFromStream(query, copies, skip, limit, batchSize, order, fields);
    }
}
