package org.steppewatch.notification.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected readings from the WHATWG URL standard's IPv4 parser (the same as inet_aton(3) for these). */
class NumericHostsTest {

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource(textBlock = """
            2130706433, 127.0.0.1
            0x7f.1, 127.0.0.1
            0x7F000001, 127.0.0.1
            0177.0.0.1, 127.0.0.1
            127.1, 127.0.0.1
            127.0.1, 127.0.0.1
            10.0.0.1., 10.0.0.1
            3232235777, 192.168.1.1
            0xa9.0xfe.0xa9.0xfe, 169.254.169.254
            """)
    void readsNonStandardIpv4FormsAsBrowsersDo(String host, String address) throws Exception {
        assertThat(NumericHosts.looksNumeric(host)).isTrue();
        assertThat(NumericHosts.lenientIpv4(host)).contains(InetAddress.getByName(address));
    }

    @Test
    void fourDecimalNumbersAreTheOnlyStandardForm() {
        assertThat(NumericHosts.canonical("127.0.0.1")).isTrue();
        assertThat(NumericHosts.canonical("8.8.8.8")).isTrue();
        assertThat(NumericHosts.canonical("0177.0.0.1")).isFalse();
        assertThat(NumericHosts.canonical("127.1")).isFalse();
        assertThat(NumericHosts.canonical("256.0.0.1")).isFalse();
    }

    @Test
    void namesAreNotNumbers() {
        assertThat(NumericHosts.looksNumeric("example.org")).isFalse();
        assertThat(NumericHosts.looksNumeric("1.example")).isFalse();
        assertThat(NumericHosts.looksNumeric("baikonur.kz")).isFalse();
    }

    @Test
    void outOfRangeNumbersAreNoAddress() {
        assertThat(NumericHosts.lenientIpv4("4294967296")).isEmpty();
        assertThat(NumericHosts.lenientIpv4("1.2.3.4.5")).isEmpty();
        assertThat(NumericHosts.lenientIpv4("256.1")).isEmpty();
        assertThat(NumericHosts.lenientIpv4("1.2.65536")).isEmpty();
        assertThat(NumericHosts.lenientIpv4("08.1.1.1")).isEmpty();
    }
}
