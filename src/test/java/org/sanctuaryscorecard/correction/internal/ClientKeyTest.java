package org.sanctuaryscorecard.correction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the per-client limits count by: IPv4 addresses as they are, IPv6 addresses by their /64 network. */
class ClientKeyTest {

    @Test
    void anIpv4AddressIsItsOwnKeyInItsUsualForm() {
        assertThat(ClientKey.of("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientKey.of(" 010.001.0.9 ")).isEqualTo("10.1.0.9");
        assertThat(ClientKey.of("::ffff:198.51.100.7")).as("an IPv4 address seen through IPv6").isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6AddressesCountByTheirNetwork() {
        assertThat(ClientKey.of("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.of("[2001:DB8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.of("2001:0db8:0001:0002:ffff::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientKey.of("2001:db8:1:3::1")).isNotEqualTo(ClientKey.of("2001:db8:1:2::1"));
    }

    @Test
    void anythingElseIsKeptAsItIsAndNeverLookedUp() {
        assertThat(ClientKey.of(null)).isEqualTo("unknown");
        assertThat(ClientKey.of(" ")).isEqualTo("unknown");
        assertThat(ClientKey.of("999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(ClientKey.of("Example.COM")).isEqualTo("example.com");
        assertThat(ClientKey.of("2001:db8::zz")).isEqualTo("2001:db8::zz");
        assertThat(ClientKey.of("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
        assertThat(ClientKey.of("x".repeat(300))).hasSize(100);
    }
}
