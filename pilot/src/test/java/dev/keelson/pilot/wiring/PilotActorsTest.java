package dev.keelson.pilot.wiring;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.config.command.Command;
import dev.keelson.pilot.config.BackendSpec;
import dev.keelson.pilot.config.ConsulSpec;
import dev.keelson.pilot.config.PilotConfig;
import dev.keelson.pilot.config.ServiceSpec;
import dev.keelson.pilot.network.NetworkAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-time config check, over a crafted interface list (no host interfaces read). */
class PilotActorsTest {

  private static final List<NetworkAddress> HOST =
      List.of(NetworkAddress.of("lo", "127.0.0.1"), NetworkAddress.of("eth0", "10.0.0.2"));

  private final PilotActors actors = new PilotActors(Map.of(), () -> HOST, "host1");

  /** A config of Consul at {@code consul}, {@code services} and {@code backends}, nothing else. */
  private static PilotConfig consulConfig(
      String consul, List<ServiceSpec> services, List<BackendSpec> backends) {
    PilotConfig none = PilotConfig.none();
    return new PilotConfig(
        Optional.of(new ConsulSpec(consul, "http", Optional.empty())),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        none.stopTimeout(),
        none.logging(),
        services,
        backends,
        Optional.empty());
  }

  private static PilotConfig withService(String name, List<String> interfaces) {
    return consulConfig(
        "127.0.0.1:8500",
        List.of(
            new ServiceSpec(
                name, 80, Optional.empty(), interfaces, 1, 5, List.of(), Optional.empty())),
        List.of());
  }

  @Test
  void interfacesMatchingAnAddress_pass() {
    assertThatCode(() -> actors.check(withService("web", List.of("eth0"))))
        .doesNotThrowAnyException();
  }

  @Test
  void interfacesMatchingNothing_nameTheServiceAndKey() {
    assertThatThrownBy(() -> actors.check(withService("web", List.of("eth9"))))
        .isInstanceOf(WiringException.class)
        .hasMessageStartingWith("service web: interfaces: ")
        .hasMessageContaining("eth9");
  }

  @Test
  void unparseableInterfaceSpec_namesTheServiceAndTheSpec() {
    assertThatThrownBy(() -> actors.check(withService("api", List.of("10.0.0.0/99"))))
        .isInstanceOf(WiringException.class)
        .hasMessage("service api: interfaces: Unable to parse interface spec: 10.0.0.0/99");
  }

  /** A reload to backends only must not stop the running actors and then fail to connect. */
  @Test
  void backendsOnly_consulAddressIsCheckedToo() {
    PilotConfig backendsOnly =
        consulConfig(
            "localhost:99999",
            List.of(),
            List.of(
                new BackendSpec("db", 1, Command.of("true"), Optional.empty(), Optional.empty())));
    assertThatThrownBy(() -> actors.check(backendsOnly)).isInstanceOf(WiringException.class);
  }
}
