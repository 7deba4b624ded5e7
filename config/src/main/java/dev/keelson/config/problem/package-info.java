/** Config problems (errors and warnings) that name the file, the path and the source position. */
@NullMarked
package dev.keelson.config.problem;

import org.jspecify.annotations.NullMarked;
