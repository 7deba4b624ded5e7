/** Test support shared by every module's tests; never a runtime dependency. */
@NullMarked
package dev.keelson.testkit;

import org.jspecify.annotations.NullMarked;
