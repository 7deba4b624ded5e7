package dev.keelson.launcher.spec;

import java.util.Locale;
import java.util.Set;

/** Linux capability names as docker accepts them: with or without {@code CAP_}, any case. */
public final class Capabilities {

  private static final Set<String> KNOWN =
      Set.of(
          "ALL",
          "AUDIT_CONTROL",
          "AUDIT_READ",
          "AUDIT_WRITE",
          "BLOCK_SUSPEND",
          "BPF",
          "CHECKPOINT_RESTORE",
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "IPC_LOCK",
          "IPC_OWNER",
          "KILL",
          "LEASE",
          "LINUX_IMMUTABLE",
          "MAC_ADMIN",
          "MAC_OVERRIDE",
          "MKNOD",
          "NET_ADMIN",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_RAW",
          "PERFMON",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_CHROOT",
          "SYSLOG",
          "SYS_MODULE",
          "SYS_NICE",
          "SYS_PACCT",
          "SYS_PTRACE",
          "SYS_RAWIO",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "WAKE_ALARM");

  private Capabilities() {}

  /** {@code cap_net_admin} and {@code NET_ADMIN} both become {@code NET_ADMIN}. */
  public static String normalise(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }

  public static boolean isKnown(String name) {
    return KNOWN.contains(normalise(name));
  }
}
