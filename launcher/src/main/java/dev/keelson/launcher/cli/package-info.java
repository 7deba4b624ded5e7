/** The <code>paunch</code> command line; the only launcher package that prints. */
@NullMarked
package dev.keelson.launcher.cli;

import org.jspecify.annotations.NullMarked;
