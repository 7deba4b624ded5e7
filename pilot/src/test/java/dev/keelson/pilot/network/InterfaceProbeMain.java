package dev.keelson.pilot.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Run inside a test container: resolves the specs given after the output path against the
 * container's real interfaces and writes the address (or {@code error: <message>}) to that path.
 */
public final class InterfaceProbeMain {

  private InterfaceProbeMain() {}

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args[0]);
    List<String> specs = Arrays.asList(args).subList(1, args.length);
    String result;
    try {
      result = InterfaceSpecs.resolveTexts(specs, HostInterfaces.addresses());
    } catch (InterfaceSpecException e) {
      result = "error: " + e.getMessage();
    }
    Files.writeString(output, result);
  }
}
