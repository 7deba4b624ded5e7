package dev.keelson.launcher.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.launcher.observe.ObservedContainer;
import dev.keelson.launcher.observe.ObservedState;
import dev.keelson.launcher.observe.RegistryDigests;
import dev.keelson.launcher.spec.ConfigData;
import dev.keelson.launcher.spec.PaunchConfig;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The planner under each {@code --pull} policy, and replacement by image id. */
class ReconcilerPullTest {

  private static final String OLD_ID = "sha256:" + "1".repeat(64);
  private static final String NEW_ID = "sha256:" + "2".repeat(64);
  private static final String PUSHED_AS = "sha256:" + "4".repeat(64);
  private static final String WEB = "web: {image: app:1, command: sleep 60}\n";

  private final List<ObservedContainer> containers = new ArrayList<>();

  private static PaunchConfig config(String yaml) throws Exception {
    return PaunchConfigParser.parse(YamlDocuments.parse(ConfigSource.of("c.yml", yaml)));
  }

  private void observeWeb(@Nullable String imageId) throws Exception {
    var spec = config(WEB).containers().get(0);
    containers.add(
        new ObservedContainer(
            "id-web",
            "web",
            "running",
            "app:1",
            Map.of(
                "managed_by", "paunch",
                "config_id", "cfg",
                "container_name", "web",
                "config_data", ConfigData.serialise(spec.entry())),
            null,
            imageId));
  }

  private String plan(PullPolicy pull, Map<String, String> imageIds) throws Exception {
    return Reconciler.apply(
            new DesiredState(config(WEB + "other: {image: base:2}\n")),
            new ObservedState(containers, imageIds.keySet(), imageIds),
            new ReconcileOptions("cfg", "paunch", Map.of(), () -> "aaaaaaaa", pull))
        .render();
  }

  @Test
  void missing_pullsOnlyAbsentImages() throws Exception {
    observeWeb(OLD_ID);

    assertThat(plan(PullPolicy.MISSING, Map.of("app:1", OLD_ID)))
        .isEqualTo(
            """
            pull image:base:2 (not present on the engine)
            run container:other from base:2 (no container for this entry)""");
  }

  @Test
  void missing_movedTag_keepsTheContainerAsPaunchDid() throws Exception {
    observeWeb(OLD_ID);

    assertThat(plan(PullPolicy.MISSING, Map.of("app:1", NEW_ID, "base:2", OLD_ID)))
        .isEqualTo("run container:other from base:2 (no container for this entry)");
  }

  @Test
  void never_plansNoPulls() throws Exception {
    observeWeb(OLD_ID);

    assertThat(plan(PullPolicy.NEVER, Map.of())).doesNotContain("pull");
  }

  @Test
  void always_pullsEveryImage() throws Exception {
    observeWeb(OLD_ID);

    assertThat(plan(PullPolicy.ALWAYS, Map.of("app:1", OLD_ID, "base:2", OLD_ID)))
        .isEqualTo(
            """
            pull image:app:1 (--pull always)
            pull image:base:2 (--pull always)
            run container:other from base:2 (no container for this entry)""");
  }

  @Test
  void always_tagResolvesToNewImageId_replacesContainerNamingImageId() throws Exception {
    observeWeb(OLD_ID);

    String plan = plan(PullPolicy.ALWAYS, Map.of("app:1", NEW_ID, "base:2", OLD_ID));

    assertThat(plan)
        .contains(
            "remove container:web (image id (111111111111 => 222222222222): app:1 now names"
                + " another image)")
        .contains("run container:web from app:1 (replaces the container removed above)");
  }

  /** The plan of a dry run, before the pull: web's image was pushed as manifest 4444…. */
  private String previewPlan(String servedForApp) throws Exception {
    return previewPlan(servedForApp, OLD_ID);
  }

  /** As {@link #previewPlan(String)}, with the local tag app:1 on {@code localAppId}. */
  private String previewPlan(String servedForApp, String localAppId) throws Exception {
    Map<String, String> ids = Map.of("app:1", localAppId, "base:2", OLD_ID);
    RegistryDigests registries =
        new RegistryDigests(
            Map.of("app:1", servedForApp), Map.of(OLD_ID, Set.of(PUSHED_AS)), Set.of("base:2"));
    return Reconciler.apply(
            new DesiredState(config(WEB + "other: {image: base:2}\n")),
            new ObservedState(containers, ids.keySet(), ids).withRegistries(registries),
            new ReconcileOptions("cfg", "paunch", Map.of(), () -> "aaaaaaaa", PullPolicy.ALWAYS))
        .render();
  }

  @Test
  void always_beforeThePull_aTagTheRegistryMoved_replacesTheContainer() throws Exception {
    observeWeb(OLD_ID);

    assertThat(previewPlan("sha256:" + "3".repeat(64)))
        .contains(
            "remove container:web (image id (111111111111 => not pulled yet): app:1 now names"
                + " another image in its registry (manifest 333333333333))")
        .contains("run container:web from app:1 (replaces the container removed above)")
        .contains(
            "note: cannot tell yet whether pulling base:2 replaces containers: its registry did"
                + " not say");
    assertThat(previewPlan(PUSHED_AS))
        .as("the registry serves the manifest web's image is: the pull changes nothing for it")
        .doesNotContain("container:web");
    assertThat(previewPlan(PUSHED_AS, NEW_ID))
        .as("the local tag moved, but the pull moves it back onto web's image")
        .doesNotContain("container:web");
  }

  @Test
  void always_unknownImageIdOfContainer_keepsIt() throws Exception {
    observeWeb(null);

    assertThat(plan(PullPolicy.ALWAYS, Map.of("app:1", NEW_ID, "base:2", OLD_ID)))
        .doesNotContain("container:web");
  }

  @Test
  void parse_acceptsTheThreeLowercaseNames() {
    assertThat(PullPolicy.parse("missing")).contains(PullPolicy.MISSING);
    assertThat(PullPolicy.parse("always")).contains(PullPolicy.ALWAYS);
    assertThat(PullPolicy.parse("never")).contains(PullPolicy.NEVER);
    assertThat(PullPolicy.parse("Always")).isEmpty();
  }

  @Test
  void images_eachImageOnceSorted() throws Exception {
    assertThat(Reconciler.images(config(WEB + "bb: {image: app:1}\naa: {image: base:2}\n")))
        .containsExactly("app:1", "base:2");
    assertThat(Set.copyOf(Reconciler.images(config("xx: {action: exec, command: web ls}\n"))))
        .isEmpty();
  }
}
