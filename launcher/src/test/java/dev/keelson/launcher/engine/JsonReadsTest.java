package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfig;
import dev.keelson.launcher.observe.ObservedContainer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's answers as paunch reads them, from JSON as dockerd 20.10 and podman 4 send it. */
class JsonReadsTest {

  @Test
  void containers_keepTheFieldsPaunchUses() throws Exception {
    String listed =
        """
        [{"Id": "c1", "Names": ["/web"], "Image": "app:1", "ImageID": "sha256:1a",
          "Command": "sleep 600", "Created": 1764900000, "State": "running", "Status": "Up 2 s",
          "Ports": [{"PrivatePort": 80, "Type": "tcp"}],
          "Labels": {"managed_by": "paunch", "config_id": "cfg", "config_data": "{\\"a\\": 1}"},
          "HostConfig": {"NetworkMode": "default"}, "NetworkSettings": {"Networks": {}},
          "Mounts": []},
         {"Id": "c2", "Names": null, "Image": "app:1", "State": "created", "Labels": null}]
        """;

    List<ObservedContainer> containers =
        JsonReads.containers(SharedMapperConfig.MAPPER.readTree(listed));

    assertThat(containers)
        .containsExactly(
            new ObservedContainer(
                "c1",
                "web",
                "running",
                "app:1",
                Map.of("managed_by", "paunch", "config_id", "cfg", "config_data", "{\"a\": 1}"),
                null,
                "sha256:1a"),
            new ObservedContainer("c2", "c2", "created", "app:1", Map.of(), null, null));
  }

  @Test
  void imageFacts_idAndTheManifestDigestsOfItsRepoDigests() throws Exception {
    String inspected =
        """
        {"Id": "sha256:9f", "RepoTags": ["127.0.0.1:5000/app:1"],
         "RepoDigests": ["127.0.0.1:5000/app@sha256:aa", "app@sha256:bb"], "Size": 1}
        """;

    JsonReads.ImageFacts facts =
        JsonReads.imageFacts(SharedMapperConfig.MAPPER.readTree(inspected));

    assertThat(facts.id()).isEqualTo("sha256:9f");
    assertThat(facts.manifestDigests()).containsExactly("sha256:aa", "sha256:bb");
  }

  @Test
  void escaped_keepsWhatReferencesAreMadeOf_encodesTheRest() {
    assertThat(JsonReads.escaped("127.0.0.1:5000/team/app:1.2-rc_3@sha256:ab12"))
        .isEqualTo("127.0.0.1:5000/team/app:1.2-rc_3@sha256:ab12");
    assertThat(JsonReads.escaped("app 1?x#y%é")).isEqualTo("app%201%3Fx%23y%25%C3%A9");
  }

  @Test
  void header_isTheAuthConfigAsBase64UrlJson() throws Exception {
    AuthConfig auth =
        new AuthConfig()
            .withUsername("keelson")
            .withPassword("s3cret?>")
            .withRegistryAddress("127.0.0.1:5000");

    String header = JsonReads.header(auth);

    assertThat(header).doesNotContain("+").doesNotContain("/");
    var json =
        SharedMapperConfig.MAPPER.readTree(
            new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8));
    assertThat(json.path("username").asText()).isEqualTo("keelson");
    assertThat(json.path("password").asText()).isEqualTo("s3cret?>");
    assertThat(json.path("serveraddress").asText()).isEqualTo("127.0.0.1:5000");
  }
}
