package dev.keelson.launcher.engine;

/** How an exec ended, with what it printed. */
public record ExecResult(int exitCode, String stdout, String stderr) {}
