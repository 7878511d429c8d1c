package org.steppewatch.embedded;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The server's H2 database with its maps typed: documents as BSON ({@link BsonDocumentType}), index keys compared
 * value by value ({@link IndexKeyType}), queries answered with copies ({@link CopyingH2Collection}), and every
 * {@code _id} index narrowing ({@link NarrowingIndex}). The maps
 * keep the server's names, so its own dropping and renaming of them still apply; {@link StoreLayout} converts a store
 * written with the default types.
 */
final class TypedH2Database {

    static final String DOCUMENTS = "databases.";
    static final String METADATA = "meta.";
    static final String INDEX = "._index_";

    private TypedH2Database() {
    }

    static MVMap.Builder<Object, Document> documents() {
        return new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE);
    }

    static MVMap.Builder<KeyValue, Object> indexKeys() {
        return new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE);
    }

    /*
     * An anonymous class, not a subclass with a field: H2Database's constructor opens the existing collections and
     * indexes through the two methods below, before a subclass's fields are assigned; a captured variable already is.
     */
    static H2Database open(String name, MVStore store, CursorRegistry cursors) {
        return new H2Database(name, store, cursors) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collection);
                MVMap<Object, Document> data = store.openMap(DOCUMENTS + namespace, documents());
                MVMap<String, Object> meta = store.openMap(METADATA + namespace);
                return new CopyingH2Collection(this, collection, options, data, meta, cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                            boolean sparse) {
                MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collection) + INDEX + index,
                        indexKeys());
                return NarrowingBackends.narrowedIfId(new TypedUniqueIndex(map, index, keys, sparse), index, keys,
                        sparse);
            }
        };
    }
}
