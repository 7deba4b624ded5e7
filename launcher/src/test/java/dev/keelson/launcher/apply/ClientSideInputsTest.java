package dev.keelson.launcher.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.PaunchContainers;
import dev.keelson.launcher.plan.Action;
import dev.keelson.launcher.plan.ApplyPlans;
import dev.keelson.launcher.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Env files and seccomp profiles are read for the containers a plan creates, and only those. */
class ClientSideInputsTest {

  @TempDir Path dir;

  private final EnvironmentResolver environments = new EnvironmentResolver(Map.of());

  private static Plan plan(String yaml, List<ObservedContainer> observed) throws Exception {
    return ApplyPlans.of(yaml, observed);
  }

  @Test
  void keptContainer_missingFiles_areNotRead_createdOnesAre() throws Exception {
    Path gone = dir.resolve("gone.env");
    Path present = Files.writeString(dir.resolve("app.env"), "MODE=fast\n");
    String keptEntry =
        "{\"image\": \"img:1\", \"env_file\": \""
            + gone
            + "\", \"security_opt\": [\"seccomp="
            + dir.resolve("gone.json")
            + "\"]}";
    Plan plan =
        plan(
            "kept: "
                + keptEntry
                + "\nnew: {image: img:1, env_file: "
                + present
                + ", environment: [A=1]}\n",
            List.of(container("kept", keptEntry)));

    Plan resolved = ClientSideInputs.resolve(plan, "c.yml", environments);

    assertThat(resolved.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            Action.RunContainer.class,
            run -> {
              assertThat(run.containerName()).isEqualTo("new");
              assertThat(run.environment()).containsExactly("MODE=fast", "A=1");
            });
  }

  @Test
  void createdContainer_missingEnvFile_isAnErrorNamingFileEntryAndKey() throws Exception {
    Path gone = dir.resolve("gone.env");
    Plan plan =
        plan("web: {image: img:1, env_file: " + gone + "}\nok: {image: img:1}\n", List.of());

    assertThatThrownBy(() -> ClientSideInputs.resolve(plan, "c.yml", environments))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::render)
                    .containsExactly(
                        "c.yml: web.env_file: cannot read " + gone + ": no such file"));
  }

  private static ObservedContainer container(String name, String configData) {
    return PaunchContainers.labelled(name, "running", "img:1", configData);
  }
}
