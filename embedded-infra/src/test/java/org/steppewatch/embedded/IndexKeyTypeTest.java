package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class IndexKeyTypeTest {

    private final IndexKeyType type = IndexKeyType.INSTANCE;

    /**
     * MongoDB's comparison order of BSON types (the manual's "Comparison/Sort Order": null, numbers, strings,
     * objects, arrays, ObjectId, booleans, dates), then value by value within a type.
     */
    @Test
    void keysAreOrderedAsMongoDbOrdersValues() {
        List<KeyValue> expected = List.of(
                new KeyValue((Object) null),
                new KeyValue(-3.5),
                new KeyValue(2.0),
                new KeyValue(10.0),
                new KeyValue("Baikonur"),
                new KeyValue("Nura"),
                new KeyValue(new Document("site", "Karaganda")),
                new KeyValue(new Object[] {List.of(1.0, 2.0)}),
                new KeyValue(new ObjectId("5f1a00000000000000000001")),
                new KeyValue(false),
                new KeyValue(true),
                new KeyValue(Instant.parse("2013-07-02T02:38:21Z")));
        List<KeyValue> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 2, 9);

        shuffled.sort(type);

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void compoundKeysCompareFieldByFieldThenByLength() {
        assertThat(type.compare(new KeyValue("inc-1", 2.0), new KeyValue("inc-1", 10.0))).isNegative();
        assertThat(type.compare(new KeyValue("inc-2", 1.0), new KeyValue("inc-1", 10.0))).isPositive();
        assertThat(type.compare(new KeyValue("inc-1"), new KeyValue("inc-1", 1.0))).isNegative();
        assertThat(type.compare(new KeyValue("inc-1", 3.0), new KeyValue("inc-1", 3.0))).isZero();
    }

    @Test
    void aKeyReadsBackAsWrittenWhateverItsValues() {
        KeyValue key = new KeyValue("inc-2013-proton", 3.0, Long.MAX_VALUE, null, Missing.getInstance(),
                new ObjectId("5f1a00000000000000000001"), Instant.parse("2013-07-02T02:38:21Z"),
                new Document("lon", 63.3).append("lat", 45.9), List.of("kk", "ru", "en"), true);
        KeyValue next = new KeyValue("after");
        WriteBuffer out = new WriteBuffer();
        type.write(out, key);
        type.write(out, next);
        ByteBuffer in = out.getBuffer();
        in.flip();

        assertThat(type.read(in)).isEqualTo(key);
        assertThat(type.read(in)).isEqualTo(next);
        assertThat(in.hasRemaining()).isFalse();
    }
}
