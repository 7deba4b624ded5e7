package dev.keelson.pilot.network;

import dev.keelson.pilot.network.InterfaceSpec.Family;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses ContainerPilot's {@code interfaces} specs and resolves them against a list of addresses
 * (containerpilot.md §5.3). Pure: the host's addresses are an argument.
 */
public final class InterfaceSpecs {

  /** What ContainerPilot uses when a service has no {@code interfaces}. */
  public static final List<String> DEFAULT = List.of("eth0:inet");

  // a word (letters, digits, _), optionally [index] or :inet / :inet6, nothing else
  private static final Pattern NAMED =
      Pattern.compile("(?<name>\\w+)(?:\\[(?<index>\\d{1,9})]|:(?<family>inet6?))?");

  private InterfaceSpecs() {}

  /** Parses every spec, in order. */
  public static List<InterfaceSpec> parse(List<String> specs) throws InterfaceSpecException {
    List<InterfaceSpec> parsed = new ArrayList<>();
    for (String spec : specs) {
      parsed.add(parse(spec));
    }
    return List.copyOf(parsed);
  }

  /**
   * Parses one spec.
   *
   * @throws InterfaceSpecException {@code Unable to parse interface spec: <spec>}
   */
  public static InterfaceSpec parse(String spec) throws InterfaceSpecException {
    if (spec.equals("inet")) {
      return new InterfaceSpec.AnyInterface(spec, Family.IPV4);
    }
    if (spec.equals("inet6")) {
      return new InterfaceSpec.AnyInterface(spec, Family.IPV6);
    }
    if (spec.startsWith("static:")) {
      return parseStatic(spec);
    }
    Matcher named = NAMED.matcher(spec);
    if (named.matches()) {
      String name = named.group("name");
      String index = named.group("index");
      if (index != null) {
        return new InterfaceSpec.IndexedInterface(spec, name, Integer.parseInt(index));
      }
      Family family = "inet6".equals(named.group("family")) ? Family.IPV6 : Family.IPV4;
      return new InterfaceSpec.NamedInterface(spec, name, family);
    }
    return parseCidr(spec);
  }

  /**
   * The address the specs choose: specs are tried in order, the first that matches any address
   * wins, and within a spec the first matching address in {@link NetworkAddress#ORDER}.
   *
   * @throws InterfaceSpecException when no spec matches, listing the specs and the addresses
   */
  public static String resolve(List<InterfaceSpec> specs, List<NetworkAddress> addresses)
      throws InterfaceSpecException {
    List<NetworkAddress> sorted = new ArrayList<>(addresses);
    sorted.sort(NetworkAddress.ORDER);
    for (InterfaceSpec spec : specs) {
      Optional<String> chosen = spec.pick(sorted);
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    throw new InterfaceSpecException(
        "None of the interface specifications were able to match\nSpecifications: "
            + specs.stream().map(InterfaceSpec::text).collect(Collectors.joining(", ", "[", "]"))
            + "\nInterfaces IPs: "
            + sorted.stream()
                .map(NetworkAddress::toString)
                .collect(Collectors.joining(", ", "[", "]")));
  }

  /** Parses then resolves; {@code specs} empty means {@link #DEFAULT}. */
  public static String resolveTexts(List<String> specs, List<NetworkAddress> addresses)
      throws InterfaceSpecException {
    return resolve(parse(specs.isEmpty() ? DEFAULT : specs), addresses);
  }

  private static InterfaceSpec parseStatic(String spec) throws InterfaceSpecException {
    String literal = spec.substring("static:".length());
    try {
      return new InterfaceSpec.Static(spec, IpLiterals.parse(literal));
    } catch (IllegalArgumentException e) {
      throw unparseable(spec);
    }
  }

  private static InterfaceSpec parseCidr(String spec) throws InterfaceSpecException {
    int slash = spec.indexOf('/');
    if (slash < 0) {
      throw unparseable(spec);
    }
    String prefixText = spec.substring(slash + 1);
    if (!prefixText.matches("\\d{1,3}")) {
      throw unparseable(spec);
    }
    InetAddress network;
    try {
      network = IpLiterals.parse(spec.substring(0, slash));
    } catch (IllegalArgumentException e) {
      throw unparseable(spec);
    }
    int prefixLength = Integer.parseInt(prefixText);
    if (prefixLength > network.getAddress().length * 8) {
      throw unparseable(spec);
    }
    return new InterfaceSpec.Cidr(spec, network, prefixLength);
  }

  private static InterfaceSpecException unparseable(String spec) {
    return new InterfaceSpecException("Unable to parse interface spec: " + spec);
  }
}
