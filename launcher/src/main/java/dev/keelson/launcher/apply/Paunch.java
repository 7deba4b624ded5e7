package dev.keelson.launcher.apply;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.engine.AnswerDeadline;
import dev.keelson.launcher.engine.ContainerDetails;
import dev.keelson.launcher.engine.ContainerEngine;
import dev.keelson.launcher.engine.ContainerRequest;
import dev.keelson.launcher.engine.DockerJavaEngine;
import dev.keelson.launcher.engine.EngineException;
import dev.keelson.launcher.engine.EngineRuntime;
import dev.keelson.launcher.engine.LoggingContainerEngine;
import dev.keelson.launcher.engine.Observer;
import dev.keelson.launcher.engine.PullListener;
import dev.keelson.launcher.engine.TerminalWindow;
import dev.keelson.launcher.observe.Labels;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.plan.DesiredState;
import dev.keelson.launcher.plan.Plan;
import dev.keelson.launcher.plan.PullPolicy;
import dev.keelson.launcher.plan.ReconcileOptions;
import dev.keelson.launcher.plan.Reconciler;
import dev.keelson.launcher.plan.StatePlanner;
import dev.keelson.launcher.plan.TargetState;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.DockerRunArguments;
import dev.keelson.launcher.spec.PaunchConfig;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher as a library: paunch's five commands over one engine. Each command observes the
 * engine once, plans with the pure {@link Reconciler}, and executes the plan; config problems are
 * found before the first engine call.
 */
public final class Paunch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("paunch");

  private final ContainerEngine engine;
  private final EnvironmentResolver environments;
  private final Supplier<String> nameSuffixes;
  private int parallelism = PlanExecutor.DEFAULT_PARALLELISM;

  /**
   * @param callerEnvironment where a bare {@code KEY} in {@code environment} takes its value, as
   *     the docker CLI took it from its own environment
   */
  public Paunch(
      ContainerEngine engine,
      Map<String, String> callerEnvironment,
      Supplier<String> nameSuffixes) {
    this.engine = engine;
    this.environments = new EnvironmentResolver(callerEnvironment);
    this.nameSuffixes = nameSuffixes;
  }

  /** paunch on the Docker engine at {@code dockerHost} (null: DOCKER_HOST or the socket). */
  public static Paunch docker(@Nullable String dockerHost, Map<String, String> callerEnvironment) {
    return docker(dockerHost, callerEnvironment, PullListener.NONE);
  }

  /** As {@link #docker(String, Map)}, reporting image pull progress to {@code pulls}. */
  public static Paunch docker(
      @Nullable String dockerHost, Map<String, String> callerEnvironment, PullListener pulls) {
    return new Paunch(
        new LoggingContainerEngine(DockerJavaEngine.connect(dockerHost, pulls)),
        callerEnvironment,
        new RandomSuffixes());
  }

  /**
   * paunch on {@code runtime}'s engine at {@code address} (see {@link EngineRuntime#address}; null:
   * docker-java's own resolution, as for {@link #docker}); for podman that is its Docker-compatible
   * API.
   */
  public static Paunch connect(
      EngineRuntime runtime,
      @Nullable String address,
      Map<String, String> callerEnvironment,
      PullListener pulls) {
    return connect(
        runtime, address, callerEnvironment, pulls, new AnswerDeadline(AnswerDeadline.DEFAULT));
  }

  /**
   * As {@link #connect(EngineRuntime, String, Map, PullListener)}, giving up on an engine call that
   * has no answer by {@code deadline}.
   */
  public static Paunch connect(
      EngineRuntime runtime,
      @Nullable String address,
      Map<String, String> callerEnvironment,
      PullListener pulls,
      AnswerDeadline deadline) {
    return new Paunch(
        new LoggingContainerEngine(DockerJavaEngine.connect(runtime, address, pulls, deadline)),
        callerEnvironment,
        new RandomSuffixes());
  }

  /** How many actions of one stage may run at the same time (1: sequentially, as paunch). */
  public Paunch parallelism(int actions) {
    if (actions < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + actions);
    }
    this.parallelism = actions;
    return this;
  }

  private PlanExecutor executor() {
    return new PlanExecutor(engine, parallelism);
  }

  public ContainerEngine engine() {
    return engine;
  }

  /**
   * What {@link #apply} would do now; changes nothing. The env files and seccomp profiles of the
   * containers it creates have been read (a missing one is a {@link ConfigException}); those of
   * containers it keeps are not read, as the docker CLI never read them for those. Every container
   * request has been checked against the engine API's types ({@link EngineException} otherwise).
   */
  public Plan planApply(PaunchConfig config, ApplyOptions options) throws ConfigException {
    return planApply(
        config, options, observeOwned(options, Reconciler.images(config)), TargetState.RELOADED);
  }

  /**
   * What {@link #apply} would do now, for {@code --dry-run}: as {@link #planApply}, and with {@code
   * --pull always} the registries are asked (nothing is pulled) which tags a pull would move, so
   * the containers apply would then replace are shown too.
   */
  public Plan previewApply(PaunchConfig config, ApplyOptions options) throws ConfigException {
    Set<String> images = Reconciler.images(config);
    Owned owned = observeOwned(options, images);
    if (options.pull() == PullPolicy.ALWAYS) {
      Set<String> imageIds = new TreeSet<>();
      for (ObservedContainer container :
          owned.observed().ofConfig(owned.owner(), options.configId())) {
        if (container.imageId() != null) {
          imageIds.add(container.imageId());
        }
      }
      ObservedState observed =
          owned.observed().withRegistries(Observer.registryDigests(engine, images, imageIds));
      owned = new Owned(observed, owned.owner());
    }
    return planApply(config, options, owned, TargetState.RELOADED);
  }

  private Plan planApply(PaunchConfig config, ApplyOptions options, Owned owned, TargetState state)
      throws ConfigException {
    if (options.pull() == PullPolicy.NEVER) {
      NeverPull.requirePresent(config, owned.observed());
    }
    Plan plan =
        Reconciler.apply(
            new DesiredState(config),
            owned.observed(),
            new ReconcileOptions(
                options.configId(),
                owned.owner(),
                options.labels(),
                nameSuffixes,
                options.pull(),
                state));
    Plan resolved = ClientSideInputs.resolve(plan, config.file(), environments);
    // here, not only before executing, so that a dry run fails on what would fail the apply
    executor().check(resolved);
    return resolved;
  }

  /** The engine's containers (and {@code images}), and whose containers the config id is. */
  private record Owned(ObservedState observed, String owner) {}

  private Owned observeOwned(ApplyOptions options, Collection<String> images) {
    ObservedState observed = Observer.observe(engine, options.managedBy(), images);
    String owner = owner(observed, options);
    if (!owner.equals(options.managedBy())) {
      observed = Observer.observe(engine, owner, images);
    }
    return new Owned(observed, owner);
  }

  /**
   * paunch 4.3.0's apply ignored {@code --managed-by} and labelled everything {@code
   * managed_by=paunch}. When a config id has no containers of the requested owner but has such
   * historical ones, keep applying it as {@code paunch}, as later paunch releases fall back to, so
   * that switching tools restarts nothing.
   */
  private static String owner(ObservedState observed, ApplyOptions options) {
    String requested = options.managedBy();
    if (requested.equals(Labels.DEFAULT_MANAGED_BY)
        || !observed.ofConfig(requested, options.configId()).isEmpty()
        || observed.ofConfig(Labels.DEFAULT_MANAGED_BY, options.configId()).isEmpty()) {
      return requested;
    }
    LOG.warn(
        "config id {} is labelled managed_by={} (paunch 4.3.0 ignored --managed-by); applying it"
            + " as {} so that its containers are kept",
        options.configId(),
        Labels.DEFAULT_MANAGED_BY,
        Labels.DEFAULT_MANAGED_BY);
    return Labels.DEFAULT_MANAGED_BY;
  }

  /**
   * Makes the engine match {@code config} for one config id. The env files and seccomp profiles of
   * the containers to create are read, and every container request is checked, before the first
   * change.
   */
  public ApplyReport apply(PaunchConfig config, ApplyOptions options) throws ConfigException {
    Plan plan = planApply(config, options);
    return execute(plan, config, options);
  }

  /**
   * What {@code paunch state} would do now for one config id; {@code config} may be null for the
   * states that act on existing containers only.
   */
  public Plan planState(TargetState state, @Nullable PaunchConfig config, ApplyOptions options)
      throws ConfigException {
    // one observation for the apply and the transitions, which plan from what it leaves
    Owned owned;
    Plan applied;
    if (config != null && state.appliesConfig()) {
      owned = observeOwned(options, Reconciler.images(config));
      applied = planApply(config, options, owned, state);
    } else if (state == TargetState.ABSENT) {
      // as delete: only the requested owner's containers, never the managed_by=paunch fallback
      owned =
          new Owned(Observer.observe(engine, options.managedBy(), List.of()), options.managedBy());
      applied = new Plan(List.of(), List.of());
    } else {
      owned = observeOwned(options, List.of());
      applied = new Plan(List.of(), List.of());
    }
    return StatePlanner.plan(
        state, applied, config, owned.observed(), options.configId(), owned.owner());
  }

  /**
   * Carries out a plan from {@link #planApply}; with {@code --pull always} the images are pulled
   * first and the rest is planned again, so that containers whose tag moved are replaced.
   */
  public ApplyReport execute(Plan plan, PaunchConfig config, ApplyOptions options)
      throws ConfigException {
    if (options.pull() == PullPolicy.ALWAYS) {
      return PullFirst.execute(executor(), plan, () -> planApply(config, options));
    }
    return executor().execute(plan);
  }

  /** Carries out a plan from {@link #planApply}; the engine must not have changed meanwhile. */
  public ApplyReport execute(Plan plan) {
    return executor().execute(plan);
  }

  /** Removes the owner's containers of every config id not in {@code keep}, then renames. */
  public ApplyReport cleanup(Collection<String> keep, String managedBy) {
    ObservedState observed = Observer.observe(engine, managedBy, List.of());
    return executor().execute(Reconciler.cleanup(new HashSet<>(keep), observed, managedBy));
  }

  /** Removes every container of the given config ids. */
  public ApplyReport delete(List<String> configIds, String managedBy) {
    ObservedState observed = Observer.observe(engine, managedBy, List.of());
    return executor().execute(Reconciler.delete(configIds, observed, managedBy));
  }

  /** The owner's containers, grouped by config id (sorted), newest first within one. */
  public List<ListedContainer> list(String managedBy) {
    List<ObservedContainer> managed =
        engine.listContainers().stream()
            .filter(container -> container.isManagedBy(managedBy))
            .filter(container -> container.configId() != null)
            .sorted(Comparator.comparing(container -> String.valueOf(container.configId())))
            .toList();
    List<ListedContainer> rows = new ArrayList<>();
    for (ObservedContainer container : managed) {
      Optional<ContainerDetails> details = engine.inspect(container.id());
      details.ifPresent(
          found ->
              rows.add(
                  new ListedContainer(
                      String.valueOf(container.configId()),
                      found.name(),
                      found.image(),
                      String.join(" ", found.command()),
                      found.status())));
    }
    return rows;
  }

  /**
   * {@code debug --action print-cmd}: the docker command line for the entry, under the name apply
   * would choose now (suffixed when a container already has it).
   */
  public List<String> printCommand(ContainerSpec spec) {
    return DockerRunArguments.commandLine(uniqueName(spec.name()), spec);
  }

  /**
   * {@code debug --action run}: runs the entry (without labels, like paunch), streams its output,
   * and returns its exit status (paunch always exited 0). An interactive entry reads {@code input}
   * as its stdin; one with a TTY is shown on {@code window}.
   */
  public int debugRun(
      ContainerSpec spec,
      @Nullable InputStream input,
      Consumer<String> output,
      TerminalWindow window)
      throws ConfigException {
    Problems problems = new Problems(spec.name());
    List<String> environment = environments.resolve(spec, problems);
    List<String> securityOpt = SecurityOptResolver.resolve(spec, problems);
    problems.throwIfErrors();
    ContainerRequest request =
        new ContainerRequest(uniqueName(spec.name()), Map.of(), spec, environment, securityOpt);
    engine.check(request);
    if (!spec.process().detach()) {
      return engine.runAttached(
          request, spec.process().interactive() ? input : null, output, window, "debug run");
    }
    String id = engine.createContainer(request, "debug run");
    engine.startContainer(id, request.name(), "debug run");
    output.accept(id + "\n");
    return 0;
  }

  private String uniqueName(String name) {
    Set<String> taken = new HashSet<>();
    engine.listContainers().forEach(container -> taken.add(container.name()));
    String candidate = name;
    while (taken.contains(candidate)) {
      candidate = name + "-" + nameSuffixes.get();
    }
    return candidate;
  }

  @Override
  public void close() {
    engine.close();
  }
}
