package dev.keelson.launcher.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.observe.PaunchContainers;
import dev.keelson.launcher.spec.ConfigData;
import dev.keelson.launcher.spec.PaunchConfig;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each state plans, from a config and an engine snapshot. */
class StatePlannerTest {

  private static final String CONFIG =
      """
      web: {image: img:1, command: sleep 600}
      job: {image: img:1, command: 'true', detach: false}
      """;

  private final List<ObservedContainer> containers = new ArrayList<>();

  private static PaunchConfig config(String yaml) throws Exception {
    return PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("c.yml", yaml)));
  }

  private void observe(String entry, String state) throws Exception {
    containers.add(observed(config(CONFIG), entry, state));
  }

  /** {@code entry}'s container of config id cfg, as paunch labels it, in {@code state}. */
  private static ObservedContainer observed(PaunchConfig config, String entry, String state) {
    var spec = config.container(entry).orElseThrow();
    return PaunchContainers.labelled(entry, state, "img:1", ConfigData.serialise(spec.entry()));
  }

  private String plan(TargetState state, boolean withConfig) throws Exception {
    PaunchConfig config = withConfig ? config(CONFIG) : null;
    ObservedState observed = new ObservedState(containers, Set.of("img:1"));
    Plan applied =
        config == null
            ? new Plan(List.of(), List.of())
            : Reconciler.apply(
                new DesiredState(config),
                observed,
                new ReconcileOptions(
                    "cfg", "paunch", Map.of(), () -> "suffix00", PullPolicy.MISSING, state));
    return StatePlanner.plan(state, applied, config, observed, "cfg", "paunch").render();
  }

  @Test
  void started_exitedDetachedContainer_isStartedAndOneShotIsLeft() throws Exception {
    observe("web", "exited");
    observe("job", "exited");

    assertThat(plan(TargetState.STARTED, true))
        .isEqualTo("start container:web (state started: it is exited)");
    assertThat(plan(TargetState.STARTED, false))
        .as("without a config, config_data says which are one-shots")
        .isEqualTo("start container:web (state started: it is exited)");
  }

  @Test
  void stoppedAndKilled_actOnRunningContainersOnly() throws Exception {
    observe("web", "running");
    observe("job", "exited");

    assertThat(plan(TargetState.STOPPED, false))
        .isEqualTo("stop container:web (state stopped: it is running)");
    assertThat(plan(TargetState.KILLED, false))
        .isEqualTo("kill container:web (state killed: it is running)");
  }

  @Test
  void restarted_appliesThenRestartsEveryKeptDetachedContainer() throws Exception {
    observe("web", "running");

    assertThat(plan(TargetState.RESTARTED, true))
        .isEqualTo(
            """
            run to completion container:job from img:1 (no container for this entry)
            restart container:web (state restarted: always restarts)""");
  }

  /** The stop is bounded by the grace period, so the plan carries the one the container has. */
  @Test
  void stopAndRestart_carryTheGracePeriodTheContainerWasCreatedWith() throws Exception {
    String yaml =
        """
        aa: {image: img:1, stop_grace_period: 3}
        bb: {image: img:1, stop_grace_period: 1m30s}
        cc: {image: img:1, stop_grace_period: 1.5}
        dd: {image: img:1, stop_grace_period: '20'}
        ee: {image: img:1}
        ff: {image: img:1, stop_grace_period: -1}
        gg: {image: img:1, stop_grace_period: 1000000000000}
        """;
    PaunchConfig config = config(yaml);
    List<ObservedContainer> running = new ArrayList<>();
    for (String entry : List.of("aa", "bb", "cc", "dd", "ee", "ff", "gg")) {
      running.add(observed(config, entry, "running"));
    }
    ObservedState observed = new ObservedState(running, Set.of("img:1"));
    for (TargetState state : List.of(TargetState.STOPPED, TargetState.RESTARTED)) {
      Plan plan =
          StatePlanner.plan(state, new Plan(List.of(), List.of()), null, observed, "cfg", "paunch");
      assertThat(plan.actions())
          .as(state.word())
          .extracting(action -> ((Action.ChangeState) action).graceSeconds())
          .containsExactly(
              3,
              90,
              2,
              20,
              StatePlanner.DEFAULT_GRACE_SECONDS,
              StatePlanner.WAITS_FOR_EVER,
              StatePlanner.MAX_GRACE_SECONDS);
    }
  }

  @Test
  void pausedContainers_countAsRunning() throws Exception {
    observe("web", "paused");

    assertThat(plan(TargetState.STOPPED, false))
        .isEqualTo("stop container:web (state stopped: it is paused)");
    assertThat(plan(TargetState.KILLED, false))
        .isEqualTo("kill container:web (state killed: it is paused)");
    assertThat(plan(TargetState.STARTED, false))
        .as("the engine refuses to start a paused container; it runs already")
        .isEmpty();
  }

  @Test
  void present_createsWithoutStarting() throws Exception {
    assertThat(plan(TargetState.PRESENT, true))
        .isEqualTo(
            """
            concurrently:
              create container:web from img:1 (not started) (no container for this entry)
              create container:job from img:1 (not started) (no container for this entry)""");
  }

  @Test
  void present_keepsTheContainersAnEarlierPresentCreated() throws Exception {
    observe("web", "created");
    observe("job", "created");

    assertThat(plan(TargetState.PRESENT, true)).as("present twice changes nothing").isEmpty();
    assertThat(plan(TargetState.RELOADED, true))
        .as("apply still replaces them: it cannot tell them from a run killed before its start")
        .contains("remove container:web (created but never started (an interrupted run?))");
  }

  @Test
  void started_withAFile_replacesCreatedContainersInStartOrder_withoutStartsThemInPlace()
      throws Exception {
    observe("web", "created");
    observe("job", "created");

    assertThat(plan(TargetState.STARTED, true))
        .as("with the file they come up in start_order, as apply brings them up")
        .isEqualTo(
            """
            concurrently:
              remove container:web (created but never started (an interrupted run?))
              remove container:job (created but never started (an interrupted run?))
            run container:web from img:1 (replaces the container removed above)
            run to completion container:job from img:1 (replaces the container removed above)""");
    assertThat(plan(TargetState.STARTED, false))
        .as("without a config, a one-shot that never ran is started too")
        .isEqualTo(
            """
            concurrently:
              start container:web (state started: it is created)
              start container:job (state started: it is created)""");
  }

  @Test
  void started_withAFile_startsACreatedEntryBeforeTheExecThatNeedsIt() throws Exception {
    String yaml =
        """
        db: {image: img:1, command: sleep 600, start_order: 0}
        db-init: {action: exec, start_order: 1, command: [db, sh, -c, 'true']}
        """;
    PaunchConfig config = config(yaml);
    containers.add(observed(config, "db", "created"));
    ObservedState observed = new ObservedState(containers, Set.of("img:1"));
    Plan applied =
        Reconciler.apply(
            new DesiredState(config),
            observed,
            new ReconcileOptions(
                "cfg",
                "paunch",
                Map.of(),
                () -> "suffix00",
                PullPolicy.MISSING,
                TargetState.STARTED));

    String plan =
        StatePlanner.plan(TargetState.STARTED, applied, config, observed, "cfg", "paunch").render();

    assertThat(plan.indexOf("run container:db")).isNotNegative().isLessThan(plan.indexOf("exec"));
  }

  @Test
  void started_namesAContainerTheApplyRenamesByItsNewName() throws Exception {
    PaunchConfig config = config(CONFIG);
    var spec = config.container("web").orElseThrow();
    ObservedContainer suffixed =
        PaunchContainers.labelled("web", "exited", "img:1", ConfigData.serialise(spec.entry()));
    containers.add(
        new ObservedContainer(
            suffixed.id(),
            "web-abcd1234",
            suffixed.state(),
            suffixed.image(),
            suffixed.labels(),
            suffixed.exitCode(),
            suffixed.imageId()));
    observe("job", "exited");

    assertThat(plan(TargetState.STARTED, true))
        .contains("rename container:web-abcd1234 to web")
        .endsWith("start container:web (state started: it is exited)");
  }

  @Test
  void absent_removesEveryContainerOfTheConfigId() throws Exception {
    observe("web", "running");
    observe("job", "exited");

    assertThat(plan(TargetState.ABSENT, false))
        .isEqualTo(
            """
            concurrently:
              remove container:web (config id cfg is deleted)
              remove container:job (config id cfg is deleted)""");
  }

  @Test
  void reloaded_isApply() throws Exception {
    observe("web", "exited");

    assertThat(plan(TargetState.RELOADED, true))
        .isEqualTo("run to completion container:job from img:1 (no container for this entry)");
  }
}
