package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.keelson.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --pull} against a real registry on 127.0.0.1: images are pushed by the test under a
 * repository unique to it, and every image it tags or builds is removed afterwards.
 */
class PullIT {

  @TempDir Path dir;

  private final EngineFixture engine = new EngineFixture();
  private final List<String> ownImages = new ArrayList<>();
  private LocalRegistry registry;
  private String repository;

  @BeforeEach
  void startRegistry() throws IOException {
    assumeThat(Files.isExecutable(LocalRegistry.BINARY))
        .as("docker-registry is installed (scripts/provision.sh)")
        .isTrue();
    registry = LocalRegistry.start(dir);
    repository = registry.host() + "/keelson-it-" + engine.suffix + "/busybox";
  }

  @AfterEach
  void removeOwnContainersImagesAndRegistry() throws Exception {
    engine.close();
    try (EngineFixture cleaner = new EngineFixture()) {
      for (String image : ownImages) {
        remove(cleaner, image);
      }
      if (repository != null) {
        LocalRegistry.removeImagesOf(cleaner.docker, repository);
      }
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static void remove(EngineFixture cleaner, String image) {
    try {
      cleaner.docker.removeImageCmd(image).withForce(true).exec();
    } catch (NotFoundException e) {
      // already gone (or never pulled): nothing of ours left
    }
  }

  /** Tags {@code source} as {@code repository:tag}, pushes it, and drops the local tag. */
  private void push(String source, String tag) throws Exception {
    registry.push(engine.docker, source, repository, tag);
  }

  /** An image that differs from busybox only by a label, so it has another id; returns the id. */
  private String buildChanged() throws IOException {
    Path context = Files.createDirectories(dir.resolve("changed"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM " + TestImages.busybox() + "\nLABEL keelson.it.changed=" + engine.suffix + "\n");
    String tag = "keelson-it-changed-" + engine.suffix + ":1";
    ownImages.add(tag);
    engine
        .docker
        .buildImageCmd(context.toFile())
        .withTags(Set.of(tag))
        .withPull(false)
        .exec(new BuildImageResultCallback())
        .awaitImageId(60, TimeUnit.SECONDS);
    return imageIdOf(tag);
  }

  private String config(String name, String image) {
    return engine.name(name) + ":\n  image: " + image + "\n  command: sleep 600\n";
  }

  private EngineFixture.Run apply(String yaml, String pull, String... more) throws IOException {
    List<String> extra = new ArrayList<>(List.of("--pull", pull));
    extra.addAll(List.of(more));
    return engine.apply(dir, "pull-" + engine.suffix, yaml, extra.toArray(String[]::new));
  }

  private String imageIdOf(String reference) {
    return engine.docker.inspectImageCmd(reference).exec().getId();
  }

  @Test
  void missing_pullsTheAbsentImageWithOneLineAndRunsIt() throws Exception {
    push(TestImages.busybox(), "1");

    EngineFixture.Run run = apply(config("web", repository + ":1"), "missing");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("pull image:" + repository + ":1 (not present on the engine)");
    assertThat(run.err()).containsOnlyOnce("pulled " + repository + ":1 (");
    assertThat(engine.inspect(engine.name("web")).getState().getRunning()).isTrue();
    assertThat(imageIdOf(repository + ":1")).isEqualTo(imageIdOf(TestImages.busybox()));
  }

  @Test
  void never_absentImage_failsNamingItAndChangesNothing() throws Exception {
    EngineFixture.Run run = apply(config("web", repository + ":1"), "never");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            engine.name("web")
                + ".image: image "
                + repository
                + ":1 is not present on the engine, and --pull never forbids pulling it");
    assertThat(engine.containers()).isEmpty();
  }

  @Test
  void always_tagMovedInRegistry_replacesContainerSayingImageId() throws Exception {
    push(TestImages.busybox(), "1");
    String yaml = config("web", repository + ":1");
    assertThat(apply(yaml, "missing").exitCode()).isZero();
    String firstId = engine.inspect(engine.name("web")).getId();
    String oldImage = imageIdOf(repository + ":1");

    EngineFixture.Run unchangedPreview = apply(yaml, "always", "--dry-run");

    assertThat(unchangedPreview.exitCode()).as(unchangedPreview.err()).isZero();
    assertThat(unchangedPreview.out()).doesNotContain("remove container:");

    EngineFixture.Run unchanged = apply(yaml, "always");

    assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
    assertThat(engine.inspect(engine.name("web")).getId()).isEqualTo(firstId);

    String changed = buildChanged();
    // The registry gets the new image under the same tag; the engine's tag stays on the old one.
    push(changed, "1");
    engine.docker.tagImageCmd(oldImage, repository, "1").exec();

    EngineFixture.Run preview = apply(yaml, "always", "--dry-run");

    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.out())
        .as("the dry run asks the registry, so it shows the replacement apply then makes")
        .contains("remove container:" + engine.name("web") + " (image id (")
        .contains("now names another image in its registry (manifest ")
        .contains("run container:" + engine.name("web"))
        .endsWith("would pull 1 image, create 1 container, remove 1 container.\n");
    assertThat(imageIdOf(repository + ":1")).as("nothing pulled").isEqualTo(oldImage);

    EngineFixture.Run run = apply(yaml, "always");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("remove container:" + engine.name("web") + " (image id (")
        .contains("now names another image");
    var replaced = engine.inspect(engine.name("web"));
    assertThat(replaced.getId()).isNotEqualTo(firstId);
    assertThat(replaced.getImageId()).isEqualTo(changed);
    assertThat(engine.names()).containsExactly(engine.name("web"));
  }

  @Test
  void untaggedImage_pullsLatestOnly_notEveryTagOfTheRepository() throws Exception {
    push(TestImages.busybox(), "latest");
    push(TestImages.busybox(), "other");

    EngineFixture.Run run = apply(config("web", repository), "missing");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(engine.inspect(engine.name("web")).getState().getRunning()).isTrue();
    List<String> tags = new ArrayList<>();
    for (Image image : engine.docker.listImagesCmd().withReferenceFilter(repository).exec()) {
      String[] repoTags = image.getRepoTags();
      tags.addAll(List.of(repoTags == null ? new String[0] : repoTags));
    }
    assertThat(tags).containsExactly(repository + ":latest");
  }

  @Test
  void tagMissingFromRegistry_failsClearlyAndChangesNothing() throws Exception {
    push(TestImages.busybox(), "1");
    String yaml = config("web", repository + ":1") + config("db", repository + ":nope");

    EngineFixture.Run run = apply(yaml, "missing");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(repository + ":nope").contains("pull");
    assertThat(engine.containers()).isEmpty();
    List<Image> leftovers =
        engine.docker.listImagesCmd().withReferenceFilter(repository + ":nope").exec();
    assertThat(leftovers).isEmpty();
  }
}
