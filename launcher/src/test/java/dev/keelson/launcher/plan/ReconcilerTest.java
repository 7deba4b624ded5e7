package dev.keelson.launcher.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.spec.ConfigData;
import dev.keelson.launcher.spec.PaunchConfig;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden-text tests of the pure planner: config + engine snapshot in, rendered plan out. */
class ReconcilerTest {

  private static final String HELLO = "hello: {image: img:1, command: sleep 3600}\n";

  private final List<ObservedContainer> containers = new ArrayList<>();
  private final Iterator<String> suffixes = List.of("aaaaaaaa", "bbbbbbbb", "cccccccc").iterator();

  private static PaunchConfig config(String yaml) throws Exception {
    return PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("c.yml", yaml)));
  }

  /** A container as paunch would have labelled it for {@code entryYaml}'s only entry. */
  private void observe(String name, String configId, String entryYaml, String state)
      throws Exception {
    var spec = config(entryYaml).containers().get(0);
    Map<String, String> labels = new HashMap<>();
    labels.put("managed_by", "paunch");
    labels.put("config_id", configId);
    labels.put("container_name", spec.name());
    labels.put("config_data", ConfigData.serialise(spec.entry()));
    containers.add(new ObservedContainer("id-" + name, name, state, "img:1", labels, null));
  }

  private String apply(String configId, String yaml) throws Exception {
    return Reconciler.apply(
            new DesiredState(config(yaml)),
            new ObservedState(containers, Set.of("img:1")),
            new ReconcileOptions(configId, "paunch", Map.of(), suffixes::next))
        .render();
  }

  @Test
  void apply_emptyEngine_runsEveryEntryInStartOrder() throws Exception {
    String plan =
        apply(
            "hi",
            """
            late: {image: img:1, start_order: 2}
            first: {image: img:1, start_order: 0}
            once: {image: other:2, detach: false, start_order: 1}
            also: {image: img:1}
            """);

    assertThat(plan)
        .isEqualTo(
            """
            pull image:other:2 (not present on the engine)
            concurrently:
              run container:first from img:1 (no container for this entry)
              run container:also from img:1 (no container for this entry)
            run to completion container:once from other:2 (no container for this entry)
            run container:late from img:1 (no container for this entry)""");
  }

  @Test
  void apply_containerCreatedButNeverStarted_isReplaced() throws Exception {
    observe("hello", "hi", HELLO, "created");

    assertThat(apply("hi", HELLO))
        .isEqualTo(
            """
            remove container:hello (created but never started (an interrupted run?))
            run container:hello from img:1 (replaces the container removed above)""");
  }

  @Test
  void apply_unchangedEntry_planIsEmpty() throws Exception {
    observe("hello", "hi", HELLO, "running");

    assertThat(apply("hi", HELLO)).isEmpty();
  }

  @Test
  void apply_changedConfigData_removesThenRuns() throws Exception {
    observe("hello", "hi", HELLO, "running");

    assertThat(apply("hi", "hello: {image: img:1, command: sleep 60}"))
        .isEqualTo(
            """
            remove container:hello (changed config_data: command (sleep 3600 => sleep 60))
            run container:hello from img:1 (replaces the container removed above)""");
  }

  @Test
  void apply_changedImageAndEnvironment_reasonNamesFieldsButNoSecretValues() throws Exception {
    observe(
        "web", "hi", "web: {image: app:1, environment: [TOKEN=old, KEEP=1, GONE=x]}", "running");

    assertThat(apply("hi", "web: {image: app:2, environment: [KEEP=1, TOKEN=new, NEW=y]}"))
        .isEqualTo(
            """
            pull image:app:2 (not present on the engine)
            remove container:web (changed config_data: image (app:1 => app:2), environment (changed TOKEN; added NEW; removed GONE))
            run container:web from app:2 (replaces the container removed above)""")
        .doesNotContain("old")
        .doesNotContain("=new");
  }

  @Test
  void apply_entryRemovedAndLabelMissing_removesBoth() throws Exception {
    observe("gone", "hi", "gone: {image: img:1}", "running");
    observe("hello", "hi", HELLO, "running");
    containers.set(
        1,
        new ObservedContainer(
            "id-hello",
            "hello",
            "running",
            "img:1",
            Map.of("managed_by", "paunch", "config_id", "hi", "container_name", "hello"),
            null));

    assertThat(apply("hi", HELLO))
        .isEqualTo(
            """
            concurrently:
              remove container:gone (removed: no entry gone in the config)
              remove container:hello (no config_data)
            run container:hello from img:1 (replaces the container removed above)""");
  }

  @Test
  void apply_nameTakenByOtherConfig_runsWithSuffix() throws Exception {
    observe("hello", "hi", HELLO, "running");

    assertThat(apply("hi-again", HELLO))
        .isEqualTo(
            "run container:hello-aaaaaaaa from img:1 (no container for this entry; its name is"
                + " taken by another container)");
  }

  @Test
  void apply_suffixedContainerAndFreeName_renamesBack() throws Exception {
    observe("hello-aaaaaaaa", "hi-again", HELLO, "running");

    assertThat(apply("hi-again", HELLO))
        .isEqualTo("rename container:hello-aaaaaaaa to hello (its desired name is free)");
  }

  @Test
  void apply_twoMatchingContainersForOneEntry_keepsTheNamedOneAndRemovesTheOther()
      throws Exception {
    observe("hello-aaaaaaaa", "hi", HELLO, "running");
    observe("hello", "hi", HELLO, "running");

    assertThat(apply("hi", HELLO))
        .isEqualTo(
            "remove container:hello-aaaaaaaa (duplicate: container:hello already serves this"
                + " entry)");
  }

  @Test
  void apply_otherConfigsContainerOfSameOwner_isNeverRemoved() throws Exception {
    observe("other", "elsewhere", "other: {image: img:1}", "running");

    assertThat(apply("hi", "{}")).isEmpty();
  }

  @Test
  void apply_otherOwnersContainer_isIgnored() throws Exception {
    observe("hello", "hi", HELLO, "running");
    ObservedContainer foreign = containers.remove(0);
    Map<String, String> labels = new HashMap<>(foreign.labels());
    labels.put("managed_by", "someone-else");
    containers.add(new ObservedContainer("id-x", "hello", "running", "img:1", labels, null));

    assertThat(apply("hi", HELLO))
        .isEqualTo(
            "run container:hello-aaaaaaaa from img:1 (no container for this entry; its name is"
                + " taken by another container)");
  }

  @Test
  void apply_execEntry_targetsThisConfigsContainerEveryTime() throws Exception {
    observe("hello-aaaaaaaa", "hi", HELLO, "running");
    observe("hello", "other", HELLO, "running");
    String yaml = HELLO + "greet: {action: exec, command: hello echo hi, user: root}\n";

    assertThat(apply("hi", yaml))
        .isEqualTo(
            """
            exec greet in container:hello-aaaaaaaa [echo, hi] (exec entries run on every apply)
            note: cannot rename container:hello-aaaaaaaa to hello: it still exists""");
  }

  @Test
  void apply_execAfterCreation_targetsTheNewContainer() throws Exception {
    observe("web", "other", "web: {image: img:1}", "running");
    String yaml = "web: {image: img:1}\nseed: {action: exec, command: [web, 'true']}\n";

    assertThat(apply("hi", yaml))
        .isEqualTo(
            """
            run container:web-aaaaaaaa from img:1 (no container for this entry; its name is taken by another container)
            exec seed in container:web-aaaaaaaa [true] (exec entries run on every apply)""");
  }

  @Test
  void apply_failedOneShotContainer_isRunAgain() throws Exception {
    String once = "once: {image: img:1, detach: false, exit_codes: [0, 2]}";
    observe("once", "hi", once, "exited");
    ObservedContainer exited = containers.remove(0);
    containers.add(
        new ObservedContainer(exited.id(), exited.name(), "exited", "img:1", exited.labels(), 3));

    assertThat(apply("hi", once))
        .isEqualTo(
            """
            remove container:once (its last run exited with 3, which is not in exit_codes; run it again)
            run to completion container:once from img:1 (replaces the container removed above)""");
  }

  @Test
  void apply_runLabels_cliLabelsFirstThenPaunchs() throws Exception {
    Plan plan =
        Reconciler.apply(
            new DesiredState(config(HELLO)),
            new ObservedState(List.of(), Set.of("img:1")),
            new ReconcileOptions("hi", "tool", Map.of("team", "a"), suffixes::next));

    Action.RunContainer run = (Action.RunContainer) plan.actions().get(0);
    assertThat(run.labels().keySet())
        .containsExactly("team", "config_id", "container_name", "managed_by", "config_data");
    assertThat(run.labels())
        .containsEntry("managed_by", "tool")
        .containsEntry("config_data", "{\"image\": \"img:1\", \"command\": \"sleep 3600\"}");
  }

  @Test
  void cleanup_unlistedConfigIds_removedAndSurvivorsRenamed() throws Exception {
    observe("hello", "hi", HELLO, "running");
    observe("hello-aaaaaaaa", "hi-again", HELLO, "running");
    observe("solo", "zz", "solo: {image: img:1}", "exited");

    Plan plan =
        Reconciler.cleanup(Set.of("hi-again"), new ObservedState(containers, Set.of()), "paunch");

    assertThat(plan.render())
        .isEqualTo(
            """
            concurrently:
              remove container:hello (config id hi is not among the ones to keep)
              remove container:solo (config id zz is not among the ones to keep)
            rename container:hello-aaaaaaaa to hello (its desired name is free)""");
  }

  @Test
  void delete_givenIds_removesOnlyThem() throws Exception {
    observe("hello", "hi", HELLO, "running");
    observe("other", "keep", "other: {image: img:1}", "running");

    Plan plan =
        Reconciler.delete(
            List.of("hi", "nothing"), new ObservedState(containers, Set.of()), "paunch");

    assertThat(plan.render()).isEqualTo("remove container:hello (config id hi is deleted)");
  }
}
