/** Service discovery port and its Consul adapter; the only package that imports consul-api. */
@NullMarked
package dev.keelson.pilot.discovery;

import org.jspecify.annotations.NullMarked;
