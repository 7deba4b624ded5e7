package dev.keelson.pilot.config;

import java.util.List;

/** The 2.0.1 etcd backend block; accepted so configs load, but not acted on (see docs). */
public record EtcdSpec(List<String> endpoints, String prefix) {

  public EtcdSpec {
    endpoints = List.copyOf(endpoints);
  }
}
