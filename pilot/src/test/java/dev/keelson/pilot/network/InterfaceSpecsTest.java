package dev.keelson.pilot.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceSpecsTest {

  // deliberately unsorted: resolution must sort by interface name, then address bytes
  private static final List<NetworkAddress> HOST =
      List.of(
          NetworkAddress.of("eth1", "192.168.5.3"),
          NetworkAddress.of("eth0", "fe80::42:acff:fe11:2"),
          NetworkAddress.of("eth0", "2001:db8::2"),
          NetworkAddress.of("eth0", "172.17.0.2"),
          NetworkAddress.of("lo", "::1"),
          NetworkAddress.of("lo", "127.0.0.1"),
          NetworkAddress.of("eth0", "172.17.0.1"),
          NetworkAddress.of("docker0", "10.9.0.1"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "eth0, 172.17.0.1",
    "eth0:inet, 172.17.0.1",
    "eth0:inet6, 2001:db8::2",
    "eth0[0], 172.17.0.1",
    "eth0[1], 172.17.0.2",
    "eth0[2], 2001:db8::2",
    "eth0[3], fe80::42:acff:fe11:2",
    "eth1, 192.168.5.3",
    "lo, 127.0.0.1",
    "lo:inet6, ::1",
    "inet, 10.9.0.1",
    "inet6, 2001:db8::2",
    "192.168.0.0/16, 192.168.5.3",
    "127.0.0.0/8, 127.0.0.1",
    "172.17.0.2/32, 172.17.0.2",
    "2001:db8::/32, 2001:db8::2",
    "::1/128, ::1",
    "static:203.0.113.9, 203.0.113.9",
    "static:2001:DB8:0:0:0:0:0:1, 2001:db8::1"
  })
  void resolve_singleSpec_picksFirstMatchInSortedOrder(String spec, String expected)
      throws Exception {
    assertThat(InterfaceSpecs.resolveTexts(List.of(spec), HOST)).isEqualTo(expected);
  }

  @Test
  void resolve_severalSpecs_firstMatchingSpecWins() throws Exception {
    String chosen = InterfaceSpecs.resolveTexts(List.of("eth7", "10.0.0.0/8", "eth0"), HOST);

    assertThat(chosen).isEqualTo("10.9.0.1");
  }

  @Test
  void resolve_noSpecs_usesEth0Inet() throws Exception {
    assertThat(InterfaceSpecs.resolveTexts(List.of(), HOST)).isEqualTo("172.17.0.1");
  }

  @Test
  void resolve_inetOnLoopbackOnlyHost_excludesLoopback() {
    List<NetworkAddress> loopbackOnly =
        List.of(NetworkAddress.of("lo", "127.0.0.1"), NetworkAddress.of("lo", "::1"));

    assertThatThrownBy(() -> InterfaceSpecs.resolveTexts(List.of("inet", "inet6"), loopbackOnly))
        .isInstanceOf(InterfaceSpecException.class)
        .hasMessage(
            """
            None of the interface specifications were able to match
            Specifications: [inet, inet6]
            Interfaces IPs: [lo:::1, lo:127.0.0.1]""");
  }

  @Test
  void resolve_inet6_countsLinkLocal() throws Exception {
    List<NetworkAddress> linkLocalOnly =
        List.of(NetworkAddress.of("eth0", "10.0.0.2"), NetworkAddress.of("eth0", "fe80::1"));

    assertThat(InterfaceSpecs.resolveTexts(List.of("inet6"), linkLocalOnly)).isEqualTo("fe80::1");
  }

  @Test
  void resolve_noEth0AndDefaultSpec_failsListingAddresses() {
    List<NetworkAddress> noEth0 = List.of(NetworkAddress.of("ens3", "10.0.0.2"));

    assertThatThrownBy(() -> InterfaceSpecs.resolveTexts(List.of(), noEth0))
        .isInstanceOf(InterfaceSpecException.class)
        .hasMessageContaining("Specifications: [eth0:inet]")
        .hasMessageContaining("Interfaces IPs: [ens3:10.0.0.2]");
  }

  @Test
  void resolve_indexBeyondAddresses_doesNotMatch() {
    assertThatThrownBy(() -> InterfaceSpecs.resolveTexts(List.of("eth1[1]"), HOST))
        .isInstanceOf(InterfaceSpecException.class)
        .hasMessageContaining("Specifications: [eth1[1]]");
  }

  @Test
  void resolve_staticAddress_isReturnedEvenIfAbsent() throws Exception {
    assertThat(InterfaceSpecs.resolveTexts(List.of("static:10.10.10.10"), List.of()))
        .isEqualTo("10.10.10.10");
  }

  @Test
  void resolve_cidrBoundary_excludesAddressOutsidePrefix() {
    List<NetworkAddress> host = List.of(NetworkAddress.of("eth0", "10.0.1.0"));

    assertThatThrownBy(() -> InterfaceSpecs.resolveTexts(List.of("10.0.0.0/24"), host))
        .isInstanceOf(InterfaceSpecException.class);
  }

  @Test
  void resolve_cidrOddPrefix_masksPartialByte() throws Exception {
    List<NetworkAddress> host =
        List.of(NetworkAddress.of("eth0", "10.0.0.200"), NetworkAddress.of("eth1", "10.0.0.100"));

    assertThat(InterfaceSpecs.resolveTexts(List.of("10.0.0.128/25"), host)).isEqualTo("10.0.0.200");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "br-1234",
        "eth0.100",
        "eth0:inet4",
        "eth0[x]",
        "eth0[1]:inet",
        "10.0.0.0/33",
        "10.0.0/8",
        "fdc6::/129",
        "static:not-an-ip",
        "static:",
        "",
        "eth 0"
      })
  void parse_malformedSpec_isRejectedWithContainerPilotMessage(String spec) {
    assertThatThrownBy(() -> InterfaceSpecs.parse(spec))
        .isInstanceOf(InterfaceSpecException.class)
        .hasMessage("Unable to parse interface spec: " + spec);
  }

  @Test
  void parse_indexed_keepsNameAndIndex() throws Exception {
    assertThat(InterfaceSpecs.parse("eth0[12]"))
        .isEqualTo(new InterfaceSpec.IndexedInterface("eth0[12]", "eth0", 12));
  }

  @Test
  void resolve_hostInterfaces_loopbackIsNamedAndResolvable() throws Exception {
    List<NetworkAddress> real = HostInterfaces.addresses();

    assertThat(real).extracting(NetworkAddress::interfaceName).contains("lo");
    assertThat(InterfaceSpecs.resolveTexts(List.of("127.0.0.0/8"), real)).isEqualTo("127.0.0.1");
  }
}
