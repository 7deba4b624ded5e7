package dev.keelson.pilot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The pilot's package rules (style.md §3.3): each third-party library behind one adapter package.
 */
@AnalyzeClasses(
    packages = "dev.keelson.pilot",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PilotArchitectureTest {

  @ArchTest
  static final ArchRule jnrOnlyInPosix =
      noClasses()
          .that()
          .resideOutsideOfPackage("..pilot.posix..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jnr..", "com.kenai..", "sun.misc..");

  @ArchTest
  static final ArchRule consulOnlyInDiscovery =
      noClasses()
          .that()
          .resideOutsideOfPackage("..pilot.discovery..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.ecwid.consul..");

  @ArchTest
  static final ArchRule prometheusOnlyInTelemetry =
      noClasses()
          .that()
          .resideOutsideOfPackage("..pilot.telemetry..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.prometheus..");

  @ArchTest
  static final ArchRule eventBusDependsOnNothingElse =
      noClasses()
          .that()
          .resideInAPackage("..pilot.event..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..pilot.posix..",
              "..pilot.process..",
              "..pilot.discovery..",
              "..pilot.telemetry..",
              "..pilot.job..",
              "..pilot.watch..",
              "..pilot.supervisor..",
              "..pilot.cli..");

  @ArchTest
  static final ArchRule environmentReadOnlyAtEntryPoints =
      noClasses()
          .that()
          .resideOutsideOfPackages("..pilot.cli..", "..pilot.supervisor..")
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .because("templates and config take an explicit Environment (style.md rule 11)");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("dev.keelson.pilot.(*)..").should().beFreeOfCycles();
}
