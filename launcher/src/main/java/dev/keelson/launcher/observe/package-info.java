/** A snapshot of the containers a config id owns, as pure data. */
@NullMarked
package dev.keelson.launcher.observe;

import org.jspecify.annotations.NullMarked;
