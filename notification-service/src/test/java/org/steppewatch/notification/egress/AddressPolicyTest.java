package org.steppewatch.notification.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The refused ranges, from the IANA special-purpose address registries (RFC 6890) and the RFCs named. */
class AddressPolicyTest {

    private static final AddressPolicy PRODUCTION = new AddressPolicy(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1        | loopback
            127.255.255.254  | loopback
            ::1              | loopback
            10.0.0.1         | private
            10.255.255.255   | private
            172.16.0.1       | private
            172.31.255.255   | private
            192.168.1.1      | private
            169.254.169.254  | cloud metadata
            169.254.1.1      | link-local
            fe80::1          | link-local
            febf::1          | link-local
            100.64.0.1       | carrier-grade NAT
            100.127.255.255  | carrier-grade NAT
            224.0.0.1        | multicast
            239.255.255.250  | multicast
            ff02::1          | multicast
            0.0.0.0          | unspecified
            0.1.2.3          | unspecified
            ::               | unspecified
            255.255.255.255  | broadcast
            240.0.0.1        | reserved
            fc00::1          | unique-local
            fd00::1          | unique-local
            fec0::1          | site-local
            192.0.2.1        | documentation
            198.51.100.7     | documentation
            203.0.113.9      | documentation
            2001:db8::1      | documentation
            198.18.0.1       | benchmarking
            198.19.255.255   | benchmarking
            ::ffff:10.0.0.1  | private
            64:ff9b::a9fe:a9fe | cloud metadata
            2002:7f00:1::1   | loopback
            """)
    void refusesInternalAndSpecialAddresses(String address, String kind) throws Exception {
        assertThat(PRODUCTION.refusal(InetAddress.getByName(address))).hasValueSatisfying(
                why -> assertThat(why).contains(kind));
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource(textBlock = """
            93.184.215.14
            8.8.8.8
            9.255.255.255
            11.0.0.0
            172.15.255.255
            172.32.0.0
            192.167.255.255
            192.169.0.0
            100.63.255.255
            100.128.0.0
            169.253.255.255
            223.255.255.255
            2606:4700:4700::1111
            2a00:1450:4001::200e
            7f00::1
            ::ffff:8.8.8.8
            """)
    void permitsPublicAddressesEvenAtTheEdgesOfRefusedRanges(String address) throws Exception {
        assertThat(PRODUCTION.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void judgesTheIpv4AddressCarriedByIpv4MappedAndCompatibleForms() throws Exception {
        // built byte by byte: InetAddress.getByName would turn ::ffff:127.0.0.1 into an IPv4 address itself
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        byte[] compatible = new byte[16];
        compatible[12] = (byte) 169;
        compatible[13] = (byte) 254;
        compatible[14] = (byte) 169;
        compatible[15] = (byte) 254;
        assertThat(PRODUCTION.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .hasValueSatisfying(why -> assertThat(why).contains("IPv6 form of 127.0.0.1").contains("loopback"));
        assertThat(PRODUCTION.refusal(Inet6Address.getByAddress(null, compatible, -1)))
                .hasValueSatisfying(why -> assertThat(why).contains("169.254.169.254").contains("cloud metadata"));
    }

    @Test
    void theAllowListPermitsItsRangesAndNothingElse() throws Exception {
        AddressPolicy local = new AddressPolicy(List.of("127.0.0.0/8", " ::1/128", "10.1.0.0/16"));
        assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("127.8.9.10"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.1.200.3"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.2.0.1"))).isPresent();
        assertThat(local.refusal(InetAddress.getByName("192.168.1.1"))).isPresent();
        assertThat(local.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(local.allowed()).containsExactly("127.0.0.0/8", "::1/128", "10.1.0.0/16");
    }

    @Test
    void anIpv4RangeNeverJudgesAnIpv6AddressByItsFirstBytes() throws Exception {
        // 7f00::1 begins with the byte 127; it is not in 127.0.0.0/8
        AddressPolicy local = new AddressPolicy(List.of("127.0.0.0/8"));
        assertThat(AddressPolicy.Cidr.parse("127.0.0.0/8").contains(InetAddress.getByName("7f00::1"))).isFalse();
        assertThat(AddressPolicy.Cidr.parse("::/1").contains(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(local.refusal(InetAddress.getByName("fd00::1"))).isPresent();
    }

    @Test
    void anAllowListEntryThatIsNotARangeStopsTheStart() {
        for (String bad : List.of("localhost", "10.0.0.0/33", "10.0.0/8", "example.org/24", "::1/129")) {
            assertThatThrownBy(() -> new AddressPolicy(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusalsSayWhatKindOfAddressItIs() throws Exception {
        Optional<String> why = PRODUCTION.refusal(InetAddress.getByName("100.64.0.1"));
        assertThat(why).contains("a carrier-grade NAT address (RFC 6598)");
    }
}
