package dev.keelson.pilot.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reload changes in the registry: a pure comparison of the services registered before and
 * those the new config wants. Unlike ContainerPilot 2.0.1, which deregisters every service on
 * SIGHUP and leaves a window in which even unchanged services are absent, unchanged services stay
 * registered; only removed or changed ones are deregistered, and new or changed ones register on
 * their next health report.
 *
 * @param toDeregister ids registered before that the new config drops or changes
 * @param unchanged registrations identical before and after (keep their registrar and state)
 * @param toRegister registrations that are new or changed (need a fresh registrar)
 */
public record RegistrationChanges(
    List<String> toDeregister,
    List<ServiceRegistration> unchanged,
    List<ServiceRegistration> toRegister) {

  public RegistrationChanges {
    toDeregister = List.copyOf(toDeregister);
    unchanged = List.copyOf(unchanged);
    toRegister = List.copyOf(toRegister);
  }

  /**
   * Compares by service id; a registration with the same id but any other field different is
   * changed.
   */
  public static RegistrationChanges between(
      List<ServiceRegistration> before, List<ServiceRegistration> after) {
    Map<String, ServiceRegistration> previous = new LinkedHashMap<>();
    before.forEach(registration -> previous.put(registration.id(), registration));
    List<String> toDeregister = new ArrayList<>();
    List<ServiceRegistration> unchanged = new ArrayList<>();
    List<ServiceRegistration> toRegister = new ArrayList<>();
    Map<String, ServiceRegistration> wanted = new LinkedHashMap<>();
    after.forEach(registration -> wanted.put(registration.id(), registration));
    for (ServiceRegistration old : previous.values()) {
      ServiceRegistration replacement = wanted.get(old.id());
      if (replacement == null || !replacement.equals(old)) {
        toDeregister.add(old.id());
      }
    }
    for (ServiceRegistration registration : wanted.values()) {
      if (registration.equals(previous.get(registration.id()))) {
        unchanged.add(registration);
      } else {
        toRegister.add(registration);
      }
    }
    return new RegistrationChanges(toDeregister, unchanged, toRegister);
  }
}
