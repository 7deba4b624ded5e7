/**
 * The container engine port and its docker-java adapter; the only package that imports docker-java.
 */
@NullMarked
package dev.keelson.launcher.engine;

import org.jspecify.annotations.NullMarked;
