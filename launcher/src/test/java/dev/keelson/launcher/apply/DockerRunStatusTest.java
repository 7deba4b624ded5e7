package dev.keelson.launcher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status of a run the engine refused, read from its error text as the docker CLI reads it. */
class DockerRunStatusTest {

  @Test
  void commandNotFound_is127() {
    assertThat(
            PlanExecutor.dockerRunStatus(
                "start container web: OCI runtime create failed: container_linux.go:380: starting"
                    + " container process caused: exec: \"nonexistent-binary\": executable file"
                    + " not found in $PATH: unknown"))
        .isEqualTo(127);
    assertThat(
            PlanExecutor.dockerRunStatus(
                "start container web: exec: \"/no/such\": stat /no/such: no such file or"
                    + " directory: unknown"))
        .isEqualTo(127);
  }

  @Test
  void notExecutable_is126() {
    assertThat(
            PlanExecutor.dockerRunStatus(
                "start container web: OCI runtime create failed: exec: \"/etc/passwd\":"
                    + " permission denied: unknown"))
        .isEqualTo(126);
    assertThat(PlanExecutor.dockerRunStatus("exec: \"/tmp\": is a directory")).isEqualTo(126);
  }

  @Test
  void anythingElse_is125() {
    assertThat(PlanExecutor.dockerRunStatus("create container vol0: No such container: data0"))
        .isEqualTo(125);
    assertThat(PlanExecutor.dockerRunStatus("create container web: Conflict")).isEqualTo(125);
  }
}
