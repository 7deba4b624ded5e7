package dev.keelson.launcher.manifest;

import dev.keelson.config.load.Document;

/**
 * Where a value sits in a manifest, twice: as the path users read in messages ({@code
 * containers[web].ports[http].hostPort}, list items named by their {@code name} when they have one)
 * and as the JSON Pointer that finds its source position ({@code /containers/0/ports/1/hostPort}).
 */
record Field(String path, String pointer) {

  static final Field ROOT = new Field("", "");

  Field key(String key) {
    return new Field(path.isEmpty() ? key : path + "." + key, Document.child(pointer, key));
  }

  /** A list item, labelled by {@code label} when it is a usable name, else by its index. */
  Field item(int index, String label) {
    String shown = label.isEmpty() ? String.valueOf(index) : label;
    return new Field(path + "[" + shown + "]", Document.child(pointer, String.valueOf(index)));
  }
}
