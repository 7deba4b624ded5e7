package dev.keelson.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared config module knows nothing of engines, discovery or processes (style.md §3.1). */
@AnalyzeClasses(
    packages = "dev.keelson.config",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ConfigArchitectureTest {

  @ArchTest
  static final ArchRule noRuntimeDependencies =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.dockerjava..",
              "com.ecwid.consul..",
              "jnr..",
              "io.prometheus..",
              "picocli..",
              "dev.keelson.launcher..",
              "dev.keelson.pilot..");

  @ArchTest
  static final ArchRule templatesUseOnlyTheJdk =
      noClasses()
          .that()
          .resideInAPackage("..config.template..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.fasterxml..", "org.yaml..");

  @ArchTest
  static final ArchRule environmentNeverReadDirectly =
      noClasses()
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .because("the caller passes an explicit Environment (style.md rule 11)");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("dev.keelson.config.(*)..").should().beFreeOfCycles();
}
