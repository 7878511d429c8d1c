package org.steppewatch.embedded;

import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * Embedded-server workaround: the server's databases with every collection's {@code _id} index wrapped in a
 * {@link NarrowingIndex}. Other unique indexes are left as the server builds them.
 */
final class NarrowingBackends {

    private static final String ID = "_id";

    private NarrowingBackends() {
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
                        return narrowedIfId(super.openOrCreateUniqueIndex(collection, index, keys, sparse), index, keys,
                                sparse);
                    }
                };
            }
        };
    }

    static <P> Index<P> narrowedIfId(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
        boolean idIndex = keys.size() == 1 && keys.get(0).getKey().equals(ID) && !sparse;
        return idIndex ? new NarrowingIndex<>(index, name, keys, sparse) : index;
    }
}
