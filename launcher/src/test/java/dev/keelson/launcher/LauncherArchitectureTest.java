package dev.keelson.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The launcher's package rules (style.md §3.2): a pure planner and one docker-java adapter. */
@AnalyzeClasses(
    packages = "dev.keelson.launcher",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LauncherArchitectureTest {

  @ArchTest
  static final ArchRule dockerJavaOnlyInEngine =
      noClasses()
          .that()
          .resideOutsideOfPackage("..launcher.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..")
          .because("the engine package is the launcher's only docker-java adapter");

  @ArchTest
  static final ArchRule planIsPure =
      noClasses()
          .that()
          .resideInAnyPackage("..launcher.plan..", "..launcher.spec..", "..launcher.observe..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.dockerjava..",
              "picocli..",
              "..launcher.engine..",
              "..launcher.apply..",
              "..launcher.cli..",
              "java.net..",
              "java.util.concurrent..")
          .because("the planner decides from values alone: no engine, no CLI, no IO, no threads");

  @ArchTest
  static final ArchRule onlyCliUsesPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackage("..launcher.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("dev.keelson.launcher.(*)..").should().beFreeOfCycles();
}
