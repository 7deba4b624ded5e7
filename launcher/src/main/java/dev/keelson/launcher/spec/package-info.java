/**
 * The desired state: container entries as paunch reads them, and their <code>config_data</code>
 * label.
 */
@NullMarked
package dev.keelson.launcher.spec;

import org.jspecify.annotations.NullMarked;
