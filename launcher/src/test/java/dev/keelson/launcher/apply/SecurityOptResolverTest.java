package dev.keelson.launcher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.config.load.ConfigSource;
import dev.keelson.config.load.YamlDocuments;
import dev.keelson.config.problem.ConfigProblem;
import dev.keelson.config.problem.Problems;
import dev.keelson.launcher.spec.ContainerSpec;
import dev.keelson.launcher.spec.PaunchConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code security_opt} as the docker CLI sends it: a seccomp profile file becomes its JSON. */
class SecurityOptResolverTest {

  @TempDir Path dir;

  private static ContainerSpec spec(String securityOpt) throws Exception {
    return PaunchConfigParser.parse(
            YamlDocuments.parse(
                ConfigSource.of(
                    "c.yml", "web: {image: img:1, security_opt: " + securityOpt + "}\n")))
        .containers()
        .get(0);
  }

  @Test
  void seccompFile_isSentAsCompactJson_keysAndNumbersAsWritten() throws Exception {
    Path profile =
        Files.writeString(
            dir.resolve("profile.json"),
            "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [\n"
                + "    {\"names\": [\"mkdir\", \"mkdirat\"], \"action\": \"SCMP_ACT_ERRNO\","
                + " \"errnoRet\": 1.0, \"comment\": \"a b\\\" c\"}\n  ]\n}\n");
    Problems problems = new Problems("c.yml");

    List<String> resolved =
        SecurityOptResolver.resolve(
            spec("['seccomp=" + profile + "', 'no-new-privileges']"), problems);

    assertThat(problems.all()).isEmpty();
    assertThat(resolved)
        .containsExactly(
            "seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"mkdir\","
                + "\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1.0,"
                + "\"comment\":\"a b\\\" c\"}]}",
            "no-new-privileges");
  }

  @Test
  void seccompWithColon_isReadToo() throws Exception {
    Path profile =
        Files.writeString(dir.resolve("p.json"), "{ \"defaultAction\": \"SCMP_ACT_ALLOW\" }");
    Problems problems = new Problems("c.yml");

    assertThat(SecurityOptResolver.resolve(spec("['seccomp:" + profile + "']"), problems))
        .containsExactly("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}");
  }

  @Test
  void builtInProfilesAndOtherOptions_areSentAsWritten() throws Exception {
    Problems problems = new Problems("c.yml");

    assertThat(
            SecurityOptResolver.resolve(
                spec("[seccomp=unconfined, seccomp=builtin, label=disable, 'apparmor:x']"),
                problems))
        .containsExactly("seccomp=unconfined", "seccomp=builtin", "label=disable", "apparmor:x");
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void missingProfile_isAnErrorNamingFileEntryAndKey() throws Exception {
    Path missing = dir.resolve("gone.json");
    Problems problems = new Problems("c.yml");

    SecurityOptResolver.resolve(spec("['seccomp=" + missing + "']"), problems);

    assertThat(problems.all())
        .extracting(ConfigProblem::render)
        .containsExactly(
            "c.yml: web.security_opt: cannot read seccomp profile " + missing + ": no such file");
  }

  @Test
  void profileThatIsNotJson_isAnError() throws Exception {
    Path profile =
        Files.writeString(dir.resolve("bad.json"), "{\"defaultAction\": SCMP_ACT_ALLOW}");
    Problems problems = new Problems("c.yml");

    SecurityOptResolver.resolve(spec("['seccomp=" + profile + "']"), problems);

    assertThat(problems.hasErrors()).isTrue();
    assertThat(problems.all().get(0).render())
        .startsWith("c.yml: web.security_opt: seccomp profile " + profile + " is not JSON: ");
  }
}
