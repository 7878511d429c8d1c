package org.steppewatch.notification.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sentences a subscriber reads, and the addresses handed to the HTTP client. */
class WebhookTargetsTest {

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] a = new InetAddress[literals.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = InetAddress.getByName(literals[i]);
        }
        return a;
    }

    private final WebhookTargets production = new WebhookTargets(new WebhookProperties(List.of()), host -> switch (host) {
        case "hooks.akimat.example" -> addresses("93.184.215.14");
        case "internal.example" -> addresses("10.1.2.3");
        case "mixed.example" -> addresses("93.184.215.14", "127.0.0.1");
        case "no-such-host.invalid" -> throw new UnknownHostException(host);
        // address literals only: no DNS query leaves this machine
        default -> InetAddress.getAllByName(host);
    });

    @Test
    void aNameIsDescribedByWhatItResolvesTo() {
        assertThat(production.refusal(URI.create("https://internal.example/hook"))).contains(
                "host 'internal.example' resolves to 10.1.2.3, a private address (RFC 1918); webhooks may only go to public addresses");
        assertThat(production.refusal(URI.create("http://169.254.169.254/latest/meta-data"))).contains(
                "169.254.169.254 is a link-local address of the cloud metadata service; webhooks may only go to public addresses");
        assertThat(production.refusal(URI.create("http://0x7f.1/"))).contains(
                "host '0x7f.1' is a non-standard way of writing 127.0.0.1 (a loopback address): write an IPv4 address as four decimal numbers");
    }

    @Test
    void everyAddressIsCheckedAtSubscriptionButOnlyRefusedOnesAreLeftOutWhenConnecting() throws Exception {
        assertThat(production.refusal(URI.create("https://mixed.example/hook"))).hasValueSatisfying(
                why -> assertThat(why).contains("127.0.0.1, a loopback address"));
        assertThat(production.addressesToConnect("mixed.example")).containsExactly(addresses("93.184.215.14"));
        assertThat(production.addressesToConnect("hooks.akimat.example")).containsExactly(addresses("93.184.215.14"));
        assertThatThrownBy(() -> production.addressesToConnect("internal.example"))
                .isInstanceOf(WebhookTargets.RefusedAddressException.class).hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> production.addressesToConnect("[::1]"))
                .isInstanceOf(WebhookTargets.RefusedAddressException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> production.addressesToConnect("2130706433"))
                .isInstanceOf(WebhookTargets.RefusedAddressException.class).hasMessageContaining("non-standard");
    }

    @Test
    void aPublicNameIsAcceptedAndAnUnknownOneIsNot() {
        assertThat(production.refusal(URI.create("https://hooks.akimat.example/steppewatch"))).isEmpty();
        assertThat(production.refusal(URI.create("https://no-such-host.invalid/hook"))).contains(
                "host 'no-such-host.invalid' could not be resolved");
    }

    @Test
    void anAddressLiteralIsNamedAsWritten() {
        assertThat(production.refusal(URI.create("http://[::1]:8080/"))).contains(
                "::1 is a loopback address; webhooks may only go to public addresses");
        assertThat(production.refusal(URI.create("http://[::ffff:10.0.0.1]/"))).contains(
                "::ffff:10.0.0.1 (10.0.0.1) is a private address (RFC 1918); webhooks may only go to public addresses");
    }

    @Test
    void anIpv6ZoneIsRefused() {
        assertThat(production.refusal(URI.create("http://[fe80::1%25eth0]/"))).hasValueSatisfying(
                why -> assertThat(why).contains("zone"));
    }
}
