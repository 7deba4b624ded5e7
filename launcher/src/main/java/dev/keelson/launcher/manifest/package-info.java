/**
 * Google container-agent {@code v1beta1} manifests: detected by their top-level {@code version}
 * key, validated as container-agent validates them, and translated into the same desired state a
 * paunch config yields, so one planner applies both.
 */
@NullMarked
package dev.keelson.launcher.manifest;

import org.jspecify.annotations.NullMarked;
