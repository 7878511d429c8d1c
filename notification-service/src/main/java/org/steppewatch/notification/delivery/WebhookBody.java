package org.steppewatch.notification.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A webhook body as UTF-8 parts: the alert's parts are shared by every delivery of the alert in
 * one language, only the few per-subscriber values are its own. Signing and sending walk the parts,
 * so tens of kilobytes of CAP XML are not copied or encoded again for each of 100,000 subscribers.
 */
final class WebhookBody {

    private final List<byte[]> parts;
    private final int length;

    WebhookBody(List<byte[]> parts) {
        this.parts = List.copyOf(parts);
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        this.length = total;
    }

    static WebhookBody of(String json) {
        return new WebhookBody(List.of(json.getBytes(UTF_8)));
    }

    int length() {
        return length;
    }

    List<byte[]> parts() {
        return parts;
    }

    void writeTo(OutputStream out) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
        }
    }

    @Override
    public String toString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        parts.forEach(out::writeBytes);
        return out.toString(UTF_8);
    }
}
