package dev.keelson.launcher.engine;

import org.jspecify.annotations.Nullable;

/**
 * One progress message of an image pull, as the engine streams it.
 *
 * @param layer the layer id, or null for messages about the whole image
 * @param status e.g. {@code Downloading}, {@code Pull complete}
 * @param current bytes done so far in this status, or 0 when unknown
 * @param total bytes in this status, or 0 when unknown
 */
public record PullEvent(
    String image, @Nullable String layer, String status, long current, long total) {}
