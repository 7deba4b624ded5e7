/**
 * Reads config text (YAML or JSON), optionally renders templates, and parses it into a tree with
 * positions.
 */
@NullMarked
package dev.keelson.config.load;

import org.jspecify.annotations.NullMarked;
