package org.steppewatch.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The keys of a unique index: compared value by value in MongoDB's order of values, and stored as BSON values.
 * H2's default type for a key class it does not know compares two keys by serialising both with Java serialisation,
 * and an index lookup compares a key some twenty times; in the fan-out benchmark's profile that was nearly half of
 * the server's work. The order differs from the default type's, so a store written with that has its indexes built
 * again ({@link StoreLayout}).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** Not a BSON type: a key field the document does not have. */
    private static final byte MISSING = 0;
    /** Arrays compared as values: the query order's "an array sorts by its least element" is no total order. */
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = VALUES.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 32 * key.size();
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        ByteBuf encoded = Unpooled.buffer(64);
        for (Object value : key) {
            if (value instanceof Missing) {
                encoded.writeByte(MISSING);
            } else {
                byte type = BsonEncoder.determineType(value);
                encoded.writeByte(type);
                BsonEncoder.encodeValue(type, value, encoded);
            }
        }
        buffer.putVarInt(key.size());
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        ByteBuf in = Unpooled.wrappedBuffer(buffer.duplicate());
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte type = in.readByte();
            values.add(type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in));
        }
        buffer.position(buffer.position() + in.readerIndex());
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
