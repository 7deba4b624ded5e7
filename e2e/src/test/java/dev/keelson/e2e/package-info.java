/**
 * End-to-end tests: the packaged {@code paunch} applies examples/two-tier on the real engine; its
 * containers run the packaged pilot as PID 1 and register in a Consul server container.
 */
@NullMarked
package dev.keelson.e2e;

import org.jspecify.annotations.NullMarked;
