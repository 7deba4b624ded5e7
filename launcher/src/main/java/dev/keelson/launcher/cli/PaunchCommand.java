package dev.keelson.launcher.cli;

import picocli.CommandLine.Command;

/** The top-level {@code paunch} command. */
@Command(
    name = "paunch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Apply container configs idempotently through the Docker Engine API.")
final class PaunchCommand {}
