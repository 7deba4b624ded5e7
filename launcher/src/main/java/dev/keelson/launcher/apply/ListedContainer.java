package dev.keelson.launcher.apply;

/** One row of {@code paunch list}. */
public record ListedContainer(
    String config, String container, String image, String command, String status) {}
