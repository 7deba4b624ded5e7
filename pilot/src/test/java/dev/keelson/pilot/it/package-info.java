/** Black-box tests of the packaged pilot as PID 1: under unshare and in containers. */
@NullMarked
package dev.keelson.pilot.it;

import org.jspecify.annotations.NullMarked;
