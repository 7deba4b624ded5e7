package dev.keelson.launcher.apply;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the docker CLI read on its own side for paunch, for the containers a plan creates and
 * only for those: env files (with bare {@code KEY}s looked up) and seccomp profile files. The CLI
 * read them at {@code docker run}, so a file that is gone for a container that is kept, unchanged,
 * never mattered to paunch and must not fail the run now. Every file of every container the plan
 * creates is read before the plan is carried out, so a missing one stops the run with nothing
 * changed.
 */
final class ClientSideInputs {

  private ClientSideInputs() {}

  /**
   * {@code plan} with each container it creates given its environment and security options.
   *
   * @throws ConfigException naming {@code file}, the entry and the key of every file that cannot be
   *     read
   */
  static Plan resolve(Plan plan, String file, EnvironmentResolver environments)
      throws ConfigException {
    Problems problems = new Problems(file);
    List<Action> actions = new ArrayList<>();
    for (Action action : plan.actions()) {
      if (action instanceof Action.RunContainer run) {
        actions.add(
            new Action.RunContainer(
                run.containerName(),
                run.spec(),
                run.labels(),
                environments.resolve(run.spec(), problems),
                SecurityOptResolver.resolve(run.spec(), problems),
                run.cause()));
      } else {
        actions.add(action);
      }
    }
    problems.throwIfErrors();
    return new Plan(actions, plan.notes());
  }
}
