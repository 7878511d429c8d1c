package org.steppewatch.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.steppewatch.notification.egress.HostResolver;

/**
 * Name resolution for the tests: scripted answers per host, the JVM's resolver for address
 * literals and {@code localhost} (the hosts file), and no DNS. The made-up names tests subscribe with point at
 * 127.0.0.1, so that no test needs DNS and nothing a test does can reach a non-loopback address.
 */
public final class TestResolver implements HostResolver {

    /** Names the tests use for a community's server; nobody listens on their port 443 here. */
    private static final String[] MADE_UP = {"baikonur.example.kz", "example.org", "e.org"};

    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[0-9.]+");

    private final Map<String, InetAddress[]> answers = new ConcurrentHashMap<>();

    public TestResolver() {
        for (String host : MADE_UP) {
            answer(host, "127.0.0.1");
        }
    }

    /** From now on {@code host} resolves to these address literals. */
    public TestResolver answer(String host, String... addresses) {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            try {
                resolved[i] = InetAddress.getByName(addresses[i]);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(addresses[i] + " is not an address literal", e);
            }
        }
        answers.put(host.toLowerCase(Locale.ROOT), resolved);
        return this;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] scripted = answers.get(host.toLowerCase(Locale.ROOT));
        if (scripted != null) {
            return scripted.clone();
        }
        if (!"localhost".equalsIgnoreCase(host) && !host.contains(":") && !NUMERIC.matcher(host).matches()) {
            // a DNS query would leave the machine
            throw new UnknownHostException(host + " (tests resolve only scripted names, localhost and address literals)");
        }
        return HostResolver.SYSTEM.resolve(host);
    }

    /** Put in the context of an integration test with {@code @Import(TestResolver.Config.class)}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestResolver testResolver() {
            return new TestResolver();
        }
    }
}
