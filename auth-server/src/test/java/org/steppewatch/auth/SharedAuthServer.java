package org.steppewatch.auth;

/**
 * One server for the test classes that only read its state or add their own users and clients: started once per
 * JVM on a fresh database, bootstrapped with {@link #ADMIN_PASSWORD}; Spring's shutdown hook stops it.
 */
final class SharedAuthServer {

    static final String ADMIN_PASSWORD = "steppe-test-admin-7Qx2";
    private static volatile RunningAuthServer server;

    private SharedAuthServer() {
    }

    static synchronized RunningAuthServer get() {
        if (server == null) {
            server = RunningAuthServer.startFresh(ADMIN_PASSWORD);
        }
        return server;
    }
}
