/**
 * ContainerPilot-style <code>{{.VAR}}</code> templates rendered against an explicit environment.
 */
@NullMarked
package dev.keelson.config.template;

import org.jspecify.annotations.NullMarked;
