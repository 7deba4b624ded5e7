/** The pure reconciler: desired state plus observed state in, a plan with reasons out. */
@NullMarked
package dev.keelson.launcher.plan;

import org.jspecify.annotations.NullMarked;
