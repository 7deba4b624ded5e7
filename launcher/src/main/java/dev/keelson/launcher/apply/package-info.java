/** Carries out a plan against the engine port; makes no decisions of its own. */
@NullMarked
package dev.keelson.launcher.apply;

import org.jspecify.annotations.NullMarked;
