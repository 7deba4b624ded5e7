package dev.keelson.launcher.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.observe.PaunchContainers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a plan is cut into stages: what may run at the same time, and what keeps its order. */
class StagesTest {

  private static Plan plan(String yaml, List<ObservedContainer> observed) throws Exception {
    return ApplyPlans.of(yaml, observed);
  }

  /** Each stage as "*" (concurrent) or "-" followed by its resources. */
  private static List<String> shape(Plan plan) {
    return plan.stages().stream()
        .map(
            stage ->
                (stage.concurrent() ? "* " : "- ")
                    + String.join(" ", stage.actions().stream().map(Action::resourceId).toList()))
        .toList();
  }

  @Test
  void stages_detachedRunsOfOneLevel_runTogetherAndLevelsStayOrdered() throws Exception {
    Plan plan =
        plan(
            """
            b2: {image: img:1, start_order: 2}
            a1: {image: img:1, start_order: 1}
            a2: {image: img:1, start_order: 1}
            b1: {image: img:1, start_order: 2}
            a3: {image: img:1, start_order: 1}
            """,
            List.of());

    assertThat(shape(plan))
        .containsExactly("* container:a1 container:a2 container:a3", "* container:b2 container:b1");
  }

  @Test
  void stages_oneShotAndExecEntries_areBarriersInFileOrder() throws Exception {
    Plan plan =
        plan(
            """
            web: {image: img:1}
            db: {image: img:1}
            init: {image: img:1, detach: false}
            seed: {action: exec, command: [db, echo, hi]}
            api: {image: img:1}
            worker: {image: img:1}
            """,
            List.of());

    assertThat(shape(plan))
        .containsExactly(
            "* container:web container:db",
            "- container:init",
            "- container:db",
            "* container:api container:worker");
  }

  @Test
  void stages_removalsRunTogether_beforeTheRunsThatReuseTheirNames() throws Exception {
    List<ObservedContainer> observed =
        List.of(
            container("xa", "{\"image\": \"img:0\"}"),
            container("yb", "{\"image\": \"img:0\"}"),
            container("gone", "{\"image\": \"img:1\"}"));

    Plan plan = plan("xa: {image: img:1}\nyb: {image: img:1}\n", observed);

    assertThat(shape(plan))
        .containsExactly(
            "* container:xa container:yb container:gone", "* container:xa container:yb");
    assertThat(plan.render()).startsWith("concurrently:\n  remove container:xa (");
  }

  @Test
  void stages_entryNamingAnotherOfItsLevel_runsAfterIt_inFileOrder() throws Exception {
    Plan plan =
        plan(
            """
            data: {image: img:1}
            other: {image: img:1}
            app: {image: img:1, volumes_from: ['data:ro']}
            side: {image: img:1, net: 'container:app'}
            more: {image: img:1}
            """,
            List.of());

    assertThat(shape(plan))
        .containsExactly(
            "* container:data container:other",
            "- container:app",
            "* container:side container:more");
  }

  @Test
  void stages_everyKeyThatNamesAContainer_cutsTheStage() throws Exception {
    for (String option :
        List.of(
            "volumes_from: [data]",
            "volumes_from: 'data:rw'",
            "net: 'container:data'",
            "ipc: 'container:data'",
            "pid: 'container:data'")) {
      Plan plan = plan("data: {image: img:1}\napp: {image: img:1, " + option + "}\n", List.of());

      assertThat(shape(plan)).as(option).containsExactly("- container:data", "- container:app");
    }
  }

  @Test
  void stages_namesOutsideTheStage_doNotCutIt() throws Exception {
    Plan plan =
        plan(
            """
            data: {image: img:1, start_order: 0}
            app: {image: img:1, start_order: 1, volumes_from: [data], ipc: host}
            web: {image: img:1, start_order: 1, net: 'container:elsewhere', pid: host}
            """,
            List.of());

    assertThat(shape(plan)).containsExactly("- container:data", "* container:app container:web");
  }

  @Test
  void stages_createOnly_namedContainerIsCreatedFirst() throws Exception {
    Plan applied =
        plan("data: {image: img:1}\napp: {image: img:1, volumes_from: [data]}\n", List.of());

    Plan present =
        StatePlanner.plan(
            TargetState.PRESENT,
            applied,
            null,
            new ObservedState(List.of(), Set.of("img:1")),
            "cfg",
            "paunch");

    assertThat(shape(present)).containsExactly("- container:data", "- container:app");
  }

  @Test
  void stages_singleAction_isNotConcurrent() throws Exception {
    Plan plan = plan("solo: {image: img:1}\n", List.of());

    assertThat(plan.stages()).singleElement().extracting(Stage::concurrent).isEqualTo(false);
    assertThat(plan.render())
        .isEqualTo("run container:solo from img:1 (no container for this entry)");
  }

  private static ObservedContainer container(String name, String configData) {
    return PaunchContainers.labelled(name, "running", "img:0", configData);
  }
}
