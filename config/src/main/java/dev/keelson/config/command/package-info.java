/**
 * Commands given in configs: a string split like a shell word list (quotes honoured, no expansion)
 * or an argv array.
 */
@NullMarked
package dev.keelson.config.command;

import org.jspecify.annotations.NullMarked;
