package dev.keelson.launcher.apply;

import dev.keelson.launcher.engine.ContainerEngine;
import dev.keelson.launcher.engine.ContainerRequest;
import dev.keelson.launcher.engine.EngineException;
import dev.keelson.launcher.engine.ExecRequest;
import dev.keelson.launcher.engine.ExecResult;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import dev.keelson.launcher.plan.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a plan stage by stage, deciding nothing: each action maps to engine calls. The
 * actions of a concurrent stage run on at most {@code parallelism} threads; the next stage starts
 * when all of them have finished. As in paunch, a failed run or exec does not stop the others,
 * while a failed pull stops everything after the pulls. An unreachable engine stops the run once
 * the actions in flight have finished: the rest is skipped, and the report says why.
 */
public final class PlanExecutor {

  private static final Logger LOG = LoggerFactory.getLogger("paunch");

  /** The docker CLI's status when docker itself could not run the container. */
  static final int DOCKER_RUN_FAILED = 125;

  /** The docker CLI's status when the container's command cannot be invoked (not executable). */
  static final int COMMAND_NOT_EXECUTABLE = 126;

  /** The docker CLI's status when the container's command is not found. */
  static final int COMMAND_NOT_FOUND = 127;

  /** Enough to overlap the engine's per-call latency without queueing up inside dockerd. */
  public static final int DEFAULT_PARALLELISM = 8;

  private final ContainerEngine engine;
  private final int parallelism;

  public PlanExecutor(ContainerEngine engine) {
    this(engine, DEFAULT_PARALLELISM);
  }

  /**
   * @param parallelism at most this many actions of one stage at a time; 1 runs the plan
   *     sequentially, as paunch did
   */
  public PlanExecutor(ContainerEngine engine, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
    this.engine = engine;
    this.parallelism = parallelism;
  }

  /** Checks every container request against the engine API's types before changing anything. */
  public void check(Plan plan) {
    for (Action action : plan.actions()) {
      Action.RunContainer made = action.containerToMake();
      if (made != null) {
        engine.check(request(made));
      }
    }
  }

  /**
   * Runs every stage; never throws for an engine that stops answering: the actions that met it
   * fail, the ones not started yet are skipped, and the report says why ({@link
   * ApplyReport#engineLost}), so that even that run ends with its summary.
   */
  public ApplyReport execute(Plan plan) {
    check(plan);
    List<ActionOutcome> outcomes = new ArrayList<>();
    AtomicReference<@Nullable String> engineLost = new AtomicReference<>();
    Function<Action, ActionOutcome> dispatch = action -> dispatch(action, engineLost);
    boolean pullFailed = false;
    int exitCode = 0;
    try (StagePool pool = new StagePool(parallelism)) {
      for (Stage stage : plan.stages()) {
        List<ActionOutcome> stageOutcomes;
        if (pullFailed) {
          // Only the remaining pulls still run, as in paunch.
          stageOutcomes =
              stage.actions().stream()
                  .map(
                      action ->
                          action instanceof Action.PullImage
                              ? dispatch.apply(action)
                              : ActionOutcome.skipped(action))
                  .toList();
        } else if (stage.concurrent()) {
          stageOutcomes = pool.runAll(stage.actions(), dispatch);
        } else {
          // one by one: once the engine is lost, dispatch skips the rest
          stageOutcomes = stage.actions().stream().map(dispatch).toList();
        }
        for (ActionOutcome outcome : stageOutcomes) {
          outcomes.add(outcome);
          Action action = outcome.action();
          if (outcome.status() == ActionOutcome.Status.SKIPPED) {
            continue;
          }
          if (outcome.failed()) {
            LOG.debug("{} failed: {}", action.describe(), outcome.message());
            exitCode = outcome.exitCode();
            pullFailed |= action instanceof Action.PullImage;
          } else {
            LOG.info("{} ({})", action.describe(), action.cause());
          }
        }
      }
    }
    String lost = engineLost.get();
    return new ApplyReport(plan, outcomes, lost == null ? exitCode : 1, lost);
  }

  private ActionOutcome dispatch(Action action, AtomicReference<@Nullable String> engineLost) {
    if (engineLost.get() != null) {
      // queued in a concurrent stage behind an action that found the engine gone
      return ActionOutcome.skipped(action);
    }
    try {
      if (action instanceof Action.PullImage pull) {
        engine.pullImage(pull.image(), pull.cause());
      } else if (action instanceof Action.RemoveContainer remove) {
        engine.removeContainer(remove.containerId(), remove.containerName(), remove.cause());
      } else if (action instanceof Action.RenameContainer rename) {
        engine.renameContainer(rename.containerId(), rename.from(), rename.to(), rename.cause());
      } else if (action instanceof Action.RunContainer run) {
        return run(run);
      } else if (action instanceof Action.ExecInContainer exec) {
        return exec(exec);
      } else if (action instanceof Action.CreateContainer create) {
        engine.createContainer(request(create.run()), create.cause());
      } else if (action instanceof Action.ChangeState change) {
        changeState(change);
      }
      return ActionOutcome.done(action);
    } catch (EngineException e) {
      String message = String.valueOf(e.getMessage());
      if (e.isUnreachable()) {
        engineLost.compareAndSet(null, message);
        return ActionOutcome.failed(action, 1, message);
      }
      return ActionOutcome.failed(action, failureCode(action, message), message);
    }
  }

  private void changeState(Action.ChangeState change) {
    String id = change.containerId();
    String name = change.containerName();
    switch (change.transition()) {
      case START -> engine.startContainer(id, name, change.cause());
      case STOP -> engine.stopContainer(id, name, change.graceSeconds(), change.cause());
      case KILL -> engine.killContainer(id, name, change.cause());
      case RESTART -> engine.restartContainer(id, name, change.graceSeconds(), change.cause());
    }
  }

  private static int failureCode(Action action, String message) {
    return action instanceof Action.RunContainer ? dockerRunStatus(message) : 1;
  }

  /**
   * The status {@code docker run} exits with when the engine refuses to create or start its
   * container, read from the engine's error text exactly as the docker CLI reads it (its {@code
   * toStatusError}): 127 when the command is not found, 126 when it cannot be invoked, else 125.
   * paunch passed that status on, so scripts may tell the cases apart by it.
   */
  static int dockerRunStatus(String engineMessage) {
    if (engineMessage.contains("executable file not found")
        || engineMessage.contains("no such file or directory")
        || engineMessage.contains("system cannot find the file specified")) {
      return COMMAND_NOT_FOUND;
    }
    if (engineMessage.contains("permission denied") || engineMessage.contains("is a directory")) {
      return COMMAND_NOT_EXECUTABLE;
    }
    return DOCKER_RUN_FAILED;
  }

  private ActionOutcome run(Action.RunContainer run) {
    String id = engine.createContainer(request(run), run.cause());
    if (run.spec().process().detach()) {
      engine.startContainer(id, run.containerName(), run.cause());
      return ActionOutcome.done(run);
    }
    int status =
        engine.startAndWait(id, run.containerName(), run.spec().process().remove(), run.cause());
    if (!run.spec().exitCodes().contains(status)) {
      return ActionOutcome.failed(
          run,
          status,
          "exited with " + status + ", expected one of exit_codes " + run.spec().exitCodes());
    }
    return ActionOutcome.done(run);
  }

  private ActionOutcome exec(Action.ExecInContainer exec) {
    ExecResult result =
        engine.exec(
            exec.targetName(),
            new ExecRequest(exec.command(), exec.user(), Boolean.TRUE.equals(exec.privileged())),
            exec.cause());
    if (!exec.exitCodes().contains(result.exitCode())) {
      return ActionOutcome.failed(
          exec,
          result.exitCode(),
          "exited with "
              + result.exitCode()
              + ", expected one of exit_codes "
              + exec.exitCodes()
              + (result.stderr().isBlank() ? "" : "; stderr: " + result.stderr().strip()));
    }
    return ActionOutcome.done(exec);
  }

  private static ContainerRequest request(Action.RunContainer run) {
    return new ContainerRequest(
        run.containerName(), run.labels(), run.spec(), run.environment(), run.securityOpt());
  }
}
