package dev.keelson.config.template;

import org.jspecify.annotations.Nullable;

/**
 * Go's template comparisons ({@code eq ne lt le gt ge}): both sides must be of the same basic kind
 * (string, integer, float, bool), and only bools cannot be ordered. A number literal is an integer,
 * so {@code eq .PORT 80} compares a string with an integer and fails, as in Go.
 */
final class Comparisons {

  private Comparisons() {}

  static boolean equal(@Nullable Object left, @Nullable Object right) {
    kindOf(left);
    if (!sameKind(left, right)) {
      throw incompatible();
    }
    return java.util.Objects.equals(left, right);
  }

  static int compare(@Nullable Object left, @Nullable Object right) {
    if (left instanceof Boolean || right instanceof Boolean) {
      throw new IllegalArgumentException("error calling comparison: invalid type for comparison");
    }
    if (!sameKind(left, right)) {
      throw incompatible();
    }
    if (left instanceof String a && right instanceof String b) {
      return a.compareTo(b);
    }
    if (left instanceof Long a && right instanceof Long b) {
      return Long.compare(a, b);
    }
    if (left instanceof Double a && right instanceof Double b) {
      return Double.compare(a, b);
    }
    throw incompatible();
  }

  private static boolean sameKind(@Nullable Object left, @Nullable Object right) {
    return kindOf(left) == kindOf(right);
  }

  private static Class<?> kindOf(@Nullable Object value) {
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean) {
      return value.getClass();
    }
    throw new IllegalArgumentException("error calling comparison: invalid type for comparison");
  }

  private static IllegalArgumentException incompatible() {
    return new IllegalArgumentException(
        "error calling comparison: incompatible types for comparison");
  }
}
