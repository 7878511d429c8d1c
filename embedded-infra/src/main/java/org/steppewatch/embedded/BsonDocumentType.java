package org.steppewatch.embedded;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A collection's documents stored as BSON, the encoding they arrived in, instead of H2's default for an unknown
 * type: Java serialisation, which a profile of the fan-out benchmark found busy in every commit (a commit writes each
 * changed page whole, every document on it). BSON keeps every value the wire protocol can carry;
 * a date keeps milliseconds, as in MongoDB.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /**
     * H2 asks each value's size on every put, to split pages and bound its cache; encoding the document to answer
     * would cost what this type saves, so the answer is a running average of the sizes written, as H2's own
     * serialising type does. Twice the bytes: a decoded document takes more heap than its encoding.
     */
    private volatile int averageSize = 1024;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return 2 * averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(averageSize + 64);
        BsonEncoder.encodeDocument(document, encoded);
        int size = encoded.readableBytes();
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), size);
        averageSize = (averageSize * 15 + size) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        // BSON starts with its own length, little-endian
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        ByteBuffer bytes = buffer.duplicate();
        bytes.limit(start + size);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        buffer.position(start + size);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
