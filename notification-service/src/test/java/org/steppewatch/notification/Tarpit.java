package org.steppewatch.notification;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile webhook receiver on 127.0.0.1: it accepts the request and then never finishes its
 * answer. Each connection is served until the client hangs up or {@link #LIFETIME} has passed, so
 * the tarpit stops by itself even if nobody closes it.
 */
public final class Tarpit implements AutoCloseable {

    /** How a connection is held. */
    public enum Mode {
        /** the status line and then a header, one byte every 500 ms, never ending the header */
        TRICKLED_HEADERS,
        /** complete headers at once, then a body of one byte every 500 ms that never ends */
        TRICKLED_BODY,
        /** complete headers, then an endless body as fast as the client takes it */
        ENDLESS_BODY
    }

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final long TRICKLE_MILLIS = 500;
    private static final byte[] HEADERS = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
            .getBytes(US_ASCII);

    private final ServerSocket server;
    private final Mode mode;
    private final AtomicInteger open = new AtomicInteger();
    private final List<Long> heldMillis = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Tarpit(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tarpit-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Tarpit start(Mode mode) {
        try {
            return new Tarpit(mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hooks/steppewatch";
    }

    /** Connections being held now. */
    public int open() {
        return open.get();
    }

    /** For each connection that ended: how long it lasted, from accept until the client was gone. */
    public List<Long> heldMillis() {
        return List.copyOf(heldMillis);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> hold(socket), "tarpit-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void hold(Socket socket) {
        long started = System.nanoTime();
        long until = started + LIFETIME.toNanos();
        open.incrementAndGet();
        try (socket) {
            readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] prefix = mode == Mode.TRICKLED_HEADERS ? "HTTP/1.1 200 OK\r\nX-Tarpit: ".getBytes(US_ASCII) : HEADERS;
            if (mode == Mode.TRICKLED_HEADERS) {
                for (byte b : prefix) {
                    out.write(b);
                    out.flush();
                    pause();
                }
            } else {
                out.write(prefix);
                out.flush();
            }
            byte[] chunk = new byte[mode == Mode.ENDLESS_BODY ? 8192 : 1];
            java.util.Arrays.fill(chunk, (byte) 'a');
            while (!closed && System.nanoTime() < until) {
                out.write(chunk);
                out.flush();
                if (mode != Mode.ENDLESS_BODY) {
                    pause();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up (or the tarpit closes): the point of the exercise
        } finally {
            heldMillis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
            open.decrementAndGet();
        }
    }

    private static void pause() throws InterruptedException {
        // the tarpit's whole behaviour is to wait between bytes
        Thread.sleep(TRICKLE_MILLIS);
    }

    /** Reads up to the blank line that ends the request head (the small JSON body may stay unread). */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(US_ASCII);
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
