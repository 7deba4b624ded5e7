package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The docker CLI's {@code :latest} default, and the registry a reference names. */
class ImageReferencesTest {

  @Test
  void noTagNoDigest_getsLatest() {
    assertThat(ImageReferences.withDefaultTag("centos")).isEqualTo("centos:latest");
    assertThat(ImageReferences.withDefaultTag("keelson/busybox"))
        .isEqualTo("keelson/busybox:latest");
    assertThat(ImageReferences.withDefaultTag("quay.io/a/b/c")).isEqualTo("quay.io/a/b/c:latest");
  }

  @Test
  void registryPort_isNotATag() {
    assertThat(ImageReferences.withDefaultTag("127.0.0.1:5000/foo"))
        .isEqualTo("127.0.0.1:5000/foo:latest");
    assertThat(ImageReferences.withDefaultTag("registry.local:5000/team/foo"))
        .isEqualTo("registry.local:5000/team/foo:latest");
  }

  @Test
  void tagged_isKept() {
    assertThat(ImageReferences.withDefaultTag("centos:7")).isEqualTo("centos:7");
    assertThat(ImageReferences.withDefaultTag("127.0.0.1:5000/foo:1"))
        .isEqualTo("127.0.0.1:5000/foo:1");
    assertThat(ImageReferences.withDefaultTag("foo:latest")).isEqualTo("foo:latest");
  }

  @Test
  void digest_isKept() {
    String digest = "sha256:" + "a".repeat(64);
    assertThat(ImageReferences.withDefaultTag("foo@" + digest)).isEqualTo("foo@" + digest);
    assertThat(ImageReferences.withDefaultTag("127.0.0.1:5000/foo@" + digest))
        .isEqualTo("127.0.0.1:5000/foo@" + digest);
    assertThat(ImageReferences.withDefaultTag("foo:1@" + digest)).isEqualTo("foo:1@" + digest);
  }

  @Test
  void registry_isTheFirstComponentWhenItLooksLikeAHost_elseDockerHub() {
    assertThat(ImageReferences.registry("127.0.0.1:5000/foo:1")).isEqualTo("127.0.0.1:5000");
    assertThat(ImageReferences.registry("quay.io/a/b")).isEqualTo("quay.io");
    assertThat(ImageReferences.registry("localhost/foo")).isEqualTo("localhost");
    assertThat(ImageReferences.registry("keelson/busybox:1")).isEqualTo(ImageReferences.DOCKER_HUB);
    assertThat(ImageReferences.registry("centos")).isEqualTo(ImageReferences.DOCKER_HUB);
  }
}
