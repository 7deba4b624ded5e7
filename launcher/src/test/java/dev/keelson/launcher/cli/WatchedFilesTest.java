package dev.keelson.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.config.problem.ConfigException;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.launcher.spec.ContainerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files {@code watch} reads and how they combine. */
class WatchedFilesTest {

  @TempDir Path dir;

  private void write(String name, String yaml) throws Exception {
    Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
  }

  /** A manifest file holding one container (image img:1) with the one port given as a flow map. */
  private void writeManifest(String file, String container, String port) throws Exception {
    write(
        file,
        "version: v1beta1\ncontainers:\n  - name: "
            + container
            + "\n    image: img:1\n    ports: ["
            + port
            + "]\n");
  }

  @Test
  void read_glob_entriesOfAllMatchingFilesInNameOrder() throws Exception {
    write("b.yml", "web: {image: img:1}\n");
    write("a.yml", "db: {image: img:1}\n");
    write("c.txt", "other: {image: img:1}\n");

    var config = WatchedFiles.read(dir.resolve("*.yml").toString());

    assertThat(config.containers()).extracting(ContainerSpec::name).containsExactly("db", "web");
  }

  @Test
  void read_sameEntryInTwoFiles_rejected() throws Exception {
    write("a.yml", "web: {image: img:1}\n");
    write("b.yml", "web: {image: img:2}\n");

    assertThatThrownBy(() -> WatchedFiles.read(dir.resolve("*.yml").toString()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems().get(0).render())
                    .contains("b.yml")
                    .contains("is already an entry of"));
  }

  @Test
  void read_noMatch_rejected() {
    assertThatThrownBy(() -> WatchedFiles.read(dir.resolve("*.yaml").toString()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems().get(0).render())
                    .contains("matches no file"));
  }

  @Test
  void read_manifest_isReadAsForApply() throws Exception {
    Files.copy(Path.of("..", "examples", "container-agent.yml"), dir.resolve("agent.yml"));
    write("other.yml", "db: {image: img:1}\n");

    var config = WatchedFiles.read(dir.resolve("*.yml").toString());

    assertThat(config.containers())
        .extracting(ContainerSpec::name)
        .containsExactly("content", "web", "db");
    assertThat(config.container("web").orElseThrow().workload().workingDir()).isEqualTo("/www");
  }

  @Test
  void read_hostPortPublishedByTwoManifests_rejectsTheSet() throws Exception {
    writeManifest("a.yml", "one", "{name: http, containerPort: 80, hostPort: 8080}");
    writeManifest("b.yml", "two", "{name: web, containerPort: 8080}");

    assertThatThrownBy(() -> WatchedFiles.read(dir.resolve("*.yml").toString()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .singleElement()
                    .extracting(ConfigProblem::render)
                    .isEqualTo(
                        dir.resolve("b.yml")
                            + ":5:13: containers[two].ports[web].hostPort is invalid: 8080"
                            + " (8080/tcp is already published by containers[one].ports[http] of "
                            + dir.resolve("a.yml")
                            + ")"));
  }

  @Test
  void read_sameHostPortOnOtherAddressInTwoManifests_isAccepted() throws Exception {
    writeManifest("a.yml", "one", "{containerPort: 80, hostPort: 8080, hostIp: 127.0.0.1}");
    writeManifest("b.yml", "two", "{containerPort: 80, hostPort: 8080, hostIp: 127.0.0.2}");

    assertThat(WatchedFiles.read(dir.resolve("*.yml").toString()).containers()).hasSize(2);
  }

  @Test
  void read_glob_skipsHiddenFiles() throws Exception {
    write("app.yaml", "web: {image: img:1}\n");
    write(".app.yaml.tmp1.yaml", "web: {image: [half written\n");
    write(".db.yaml", "db: {image: img:1}\n");

    var config = WatchedFiles.read(dir.resolve("*.yaml").toString());

    assertThat(config.containers()).extracting(ContainerSpec::name).containsExactly("web");
  }

  @Test
  void read_globStartingWithDot_matchesHiddenFiles() throws Exception {
    write("app.yaml", "web: {image: img:1}\n");
    write(".db.yaml", "db: {image: img:1}\n");

    var config = WatchedFiles.read(dir.resolve(".*.yaml").toString());

    assertThat(config.containers()).extracting(ContainerSpec::name).containsExactly("db");
  }
}
