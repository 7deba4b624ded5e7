package dev.keelson.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import org.junit.jupiter.api.Test;

/** The warm-up's canned engine answers, and the one mapper every client is given. */
class ClientWarmUpTest {

  @Test
  void cannedAnswers_stillReadAsDockerJavaReadsTheEngine() {
    // A model change in docker-java that made the canned answers unreadable would turn the
    // warm-up into a silent no-op (it only logs at debug level); this says so instead.
    assertThat(ClientWarmUp.attempt(ClientWarmUp::readCannedAnswers)).isNull();
  }

  @Test
  void sharedMapperConfig_givesEveryClientTheSameMapperAndDelegatesTheRest() {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost("unix:///run/somewhere.sock")
            .build();

    SharedMapperConfig first = new SharedMapperConfig(config);
    SharedMapperConfig second = new SharedMapperConfig(config);

    assertThat(first.getObjectMapper())
        .isSameAs(second.getObjectMapper())
        .isSameAs(SharedMapperConfig.MAPPER)
        .isNotSameAs(config.getObjectMapper());
    assertThat(first.getDockerHost()).hasToString("unix:///run/somewhere.sock");
    assertThat(first.getApiVersion()).isEqualTo(config.getApiVersion());
  }
}
