package org.steppewatch.embedded;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Which types a store file's maps were written with, and the one-time conversion of a file written with H2's
 * defaults (as every file was before {@link TypedH2Database}). Documents are read with Java serialisation and
 * written again as BSON; the indexes are dropped, and the server builds each again from its collection when it
 * finds it empty at start. The conversion is one commit, with H2's automatic commits off: a process killed during
 * it leaves the file as it was, and the next start converts again. Until that commit the converted pages stay in
 * memory, so a file needs about its own size in heap once.
 */
final class StoreLayout {

    private static final Logger log = LoggerFactory.getLogger(StoreLayout.class);

    /** No database map is named like this: a database name cannot contain {@code $}. */
    static final String MAP = "$steppewatch.layout";
    static final String VERSION = "version";
    /** 1: H2's default types, the server's own layout. */
    static final int TYPED = 2;

    private StoreLayout() {
    }

    /** Converts the file if it needs it; a new or already converted file is only marked or left alone. */
    static void upgrade(String fileName, int cacheMegabytes) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).autoCommitDisabled().open();
        try {
            MVMap<String, Integer> layout = store.openMap(MAP);
            Integer version = layout.get(VERSION);
            if (version != null && version == TYPED) {
                return;
            }
            if (version != null) {
                throw new IllegalStateException(fileName + " was written with store layout " + version
                        + ", which this version does not know");
            }
            List<String> names = List.copyOf(store.getMapNames());
            long documents = 0;
            for (String name : names) {
                if (name.startsWith(TypedH2Database.DOCUMENTS)) {
                    documents += convert(store, name);
                } else if (name.contains(TypedH2Database.INDEX)) {
                    store.removeMap(name);
                }
            }
            layout.put(VERSION, TYPED);
            store.commit();
            if (documents > 0) {
                log.info("Converted {} documents in {} to BSON; indexes are built again at start", documents,
                        fileName);
            }
        } finally {
            store.close();
        }
    }

    private static long convert(MVStore store, String name) {
        MVMap<Object, Object> old = store.openMap(name);
        MVMap<Object, Document> typed = store.openMap("$converting." + name, TypedH2Database.documents());
        old.forEach((key, value) -> typed.put(key, (Document) value));
        long count = typed.sizeAsLong();
        store.removeMap(old);
        store.renameMap(typed, name);
        return count;
    }
}
