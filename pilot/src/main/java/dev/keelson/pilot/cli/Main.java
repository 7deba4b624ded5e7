package dev.keelson.pilot.cli;

import dev.keelson.config.command.Command;
import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.template.Environment;
import dev.keelson.pilot.config.LoggingSpec;
import dev.keelson.pilot.config.PilotConfig;
import dev.keelson.pilot.config.PilotConfigLoader;
import dev.keelson.pilot.config.PilotConfigReader;
import dev.keelson.pilot.job.ActorFactory;
import dev.keelson.pilot.log.PilotLogging;
import dev.keelson.pilot.supervisor.Bootstrap;
import dev.keelson.pilot.supervisor.Launch;
import dev.keelson.pilot.wiring.PilotActors;
import dev.keelson.pilot.wiring.WiringException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** Entry point of {@code pilot}; {@link #run} is the test seam, {@link #main} only exits. */
public final class Main {

  /** The config variable ContainerPilot reads when {@code -config} is absent. */
  static final String CONFIG_VARIABLE = "CONTAINERPILOT";

  /** Plain-init mode logs only problems, on stderr, so the app's stdout stays byte-exact. */
  private static final LoggingSpec PLAIN_LOGGING =
      new LoggingSpec(
          LoggingSpec.Level.WARN, LoggingSpec.Format.DEFAULT, LoggingSpec.Output.STDERR);

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
    return run(out, err, System.getenv(), args);
  }

  static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    Arguments arguments;
    try {
      arguments = ArgumentParser.parse(args);
    } catch (ArgumentParser.UsageException e) {
      err.println("pilot: " + e.getMessage());
      err.println(ArgumentParser.usage());
      return 2;
    }
    if (arguments.help()) {
      out.println(ArgumentParser.usage());
      return 0;
    }
    if (arguments.version()) {
      String version = Main.class.getPackage().getImplementationVersion();
      out.println("Version: " + (version == null ? "dev" : version));
      return 0;
    }
    // no lambdas on the way to the app's exec: each costs a bootstrap on a cold JVM
    Optional<String> configValue = Optional.empty();
    if (arguments.config().isPresent() && !arguments.config().get().isEmpty()) {
      configValue = arguments.config();
    } else if (env.get(CONFIG_VARIABLE) != null && !env.get(CONFIG_VARIABLE).isEmpty()) {
      configValue = Optional.of(env.get(CONFIG_VARIABLE));
    }
    Environment environment = Environment.of(env);
    if (arguments.template()) {
      return printTemplate(out, err, configValue, environment);
    }
    Optional<Command> app =
        arguments.app().isEmpty() ? Optional.empty() : Optional.of(new Command(arguments.app()));
    if (configValue.isEmpty() && app.isEmpty()) {
      err.println("pilot: nothing to run: give an app command, -config, or set " + CONFIG_VARIABLE);
      err.println(ArgumentParser.usage());
      return 1;
    }
    PilotConfig config = PilotConfig.none();
    if (configValue.isPresent()) {
      try {
        PilotConfigReader.Loaded loaded = PilotConfigLoader.load(configValue.get(), environment);
        config = loaded.config();
        PilotLogging.install(out, err, config.logging());
        for (ConfigProblem warning : loaded.warnings()) {
          LoggerFactory.getLogger(Main.class).warn("{}", warning.render());
        }
      } catch (ConfigException e) {
        err.println("pilot: invalid config:");
        err.println(e.getMessage());
        return 1;
      }
    } else {
      PilotLogging.install(out, err, PLAIN_LOGGING);
    }
    ActorFactory actors = ActorFactory.none();
    if (configValue.isPresent()) {
      PilotActors wired = PilotActors.forHost(env);
      try {
        // before the app starts: an interfaces spec that matches nothing is a config error
        wired.check(config);
      } catch (WiringException e) {
        err.println("pilot: invalid config:");
        err.println(e.getMessage());
        return 1;
      }
      actors = wired;
    }
    try {
      return Bootstrap.run(new Launch(configValue, config, app), actors);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static int printTemplate(
      PrintWriter out, PrintWriter err, Optional<String> configValue, Environment environment) {
    if (configValue.isEmpty()) {
      err.println("pilot: -template needs -config or " + CONFIG_VARIABLE);
      return 1;
    }
    try {
      out.print(PilotConfigLoader.render(configValue.get(), environment).text());
      out.flush();
      return 0;
    } catch (ConfigException e) {
      err.println("pilot: invalid config:");
      err.println(e.getMessage());
      return 1;
    }
  }
}
