package org.steppewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker and database have no authentication: they must answer on the loopback
 * address and refuse connections that arrive on any other address of this machine.
 */
class LoopbackOnlyTest {

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static InetAddress loopback;
    private static Optional<InetAddress> otherAddress;

    @BeforeAll
    static void findAddresses() throws IOException {
        loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        otherAddress = NetworkInterface.networkInterfaces()
                .filter(LoopbackOnlyTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                // IPv4 first: an IPv6 address may be configured but not routable to itself in a container
                .sorted((a, b) -> Boolean.compare(b instanceof Inet4Address, a instanceof Inet4Address))
                .findFirst();
    }

    @Test
    void kafkaListenersAnswerOnLoopbackOnly(@TempDir Path dir) throws Exception {
        InetAddress other = requireOtherAddress();
        int clientPort = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), clientPort, controllerPort)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + clientPort);
            for (int port : new int[] {clientPort, controllerPort}) {
                assertThat(connects(loopback, port)).as("127.0.0.1:%d", port).isTrue();
                assertRefused(other, port);
            }
        }
    }

    @Test
    void mongoAnswersOnLoopbackOnly() throws Exception {
        InetAddress other = requireOtherAddress();
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory()) {
            int port = Integer.parseInt(mongo.connectionString().substring(mongo.connectionString().lastIndexOf(':') + 1));
            assertThat(mongo.connectionString()).isEqualTo("mongodb://localhost:" + port);
            assertThat(connects(loopback, port)).as("127.0.0.1:%d", port).isTrue();
            assertRefused(other, port);
        }
    }

    private static InetAddress requireOtherAddress() {
        assumeTrue(otherAddress.isPresent(), "this machine has no non-loopback address to try");
        return otherAddress.orElseThrow();
    }

    private static void assertRefused(InetAddress address, int port) {
        assertThatThrownBy(() -> connects(address, port))
                .as("%s:%d must not accept connections", address.getHostAddress(), port)
                .isInstanceOf(IOException.class);
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return socket.isConnected();
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
