package org.steppewatch.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

import org.h2.mvstore.MVStore;

/** The embedded server's databases with every unique index wrapped in a {@link NarrowingIndex}. */
final class NarrowingBackends {

    private NarrowingBackends() {
    }

    static MongoDatabase h2Database(String name, MVStore store, CursorRegistry cursors) {
        return new H2Database(name, store, cursors) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys, boolean sparse) {
                return new NarrowingIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse), index, keys, sparse);
            }
        };
    }

    /** The memory backend of the tests, with the same narrowing as the file backend. */
    static MemoryBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                                     boolean sparse) {
                        return new NarrowingIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse), index, keys,
                                sparse);
                    }
                };
            }
        };
    }
}
