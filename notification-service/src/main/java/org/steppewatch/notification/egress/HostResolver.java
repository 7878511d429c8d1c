package org.steppewatch.notification.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks up the addresses of a host name (or parses an address literal). Production uses the JVM's
 * resolver; tests script the answers, so that no test needs DNS or reaches a non-loopback address.
 */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM's resolver: the system's (hosts file, DNS), with the JVM's address cache. */
    HostResolver SYSTEM = InetAddress::getAllByName;
}
