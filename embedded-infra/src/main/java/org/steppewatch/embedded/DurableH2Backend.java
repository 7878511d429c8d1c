package org.steppewatch.embedded;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, made to keep every acknowledged write. mongo-java-server's H2 backend leaves
 * writes in the MVStore's memory until its background commit a second later, so a process killed
 * with {@code kill -9} lost up to a second of writes the clients had been told were stored (an alert
 * stored, its Kafka offset committed, the alert gone). Here a write command's reply goes out only after a
 * commit that includes it (concurrent writes share one: {@link #commitIncluding}); the file then survives the
 * process (not a power cut: there is no fsync). A real MongoDB has its journal for this; the workaround belongs to
 * the embedded server only.
 * <p>
 * Its page cache is sized to the heap ({@link #cacheMegabytes}) instead of H2's 16 MB: the server answers most
 * queries by scanning a collection, and a page not in the cache is read from the file with every document on it
 * deserialised (Java serialisation), so past 16 MB every scan deserialised the collection anew.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that change data or indexes (names as the wire protocol carries them, compared case-blind). */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    /** Write commands done so far, each counted once its changes are in the store's memory. */
    private final AtomicLong writes = new AtomicLong();
    private final Object commitTurn = new Object();
    /** Guarded by {@link #commitTurn}: every write up to this number is in the file. */
    private long committedThrough;

    DurableH2Backend(String fileName) {
        super(open(fileName, cacheMegabytes(Runtime.getRuntime().maxMemory())));
    }

    private static MVStore open(String fileName, int cacheMegabytes) {
        StoreLayout.upgrade(fileName, cacheMegabytes);
        return new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open();
    }

    /**
     * A quarter of the heap, at least H2's default of 16 MB and at most 4 GB (the cache counts a document at twice its
     * serialised size; a page past the limit is dropped and read again when needed, so this bounds memory, not data).
     */
    static int cacheMegabytes(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4 / (1024 * 1024);
        return (int) Math.max(16, Math.min(4096, quarter));
    }

    /**
     * Documents stored as BSON and index keys compared without serialising ({@link TypedH2Database}); its {@code _id}
     * indexes also serve queries naming {@code _id} and more fields ({@link NarrowingIndex}).
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return TypedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document reply = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            commitIncluding(writes.incrementAndGet());
        }
        return reply;
    }

    /**
     * Returns once a commit begun after write number {@code write} was done has finished. Commits take turns; a
     * write that finished while another thread committed waits for the next commit, and that one commit covers
     * every write done before it began (group commit), so concurrent writes do not each pay a commit.
     */
    private void commitIncluding(long write) {
        synchronized (commitTurn) {
            if (committedThrough >= write) {
                return;
            }
            long upTo = writes.get();
            commit();
            committedThrough = upTo;
        }
    }
}
