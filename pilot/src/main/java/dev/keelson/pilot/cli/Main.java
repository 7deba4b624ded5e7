package dev.keelson.pilot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code pilot}; {@link #run} is the test seam, {@link #main} only exits. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs {@code pilot} with {@code args}, printing to {@code out}/{@code err}; returns the exit
   * code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("-version") || args[0].equals("--version"))) {
      String version = Main.class.getPackage().getImplementationVersion();
      out.println("pilot " + (version == null ? "dev" : version));
      return 0;
    }
    err.println("pilot: not implemented yet");
    return 1;
  }
}
