package dev.keelson.launcher.apply;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * paunch's name suffix: 8 characters from [a-z0-9], different on every call. Like paunch's, it only
 * has to differ from the names on one host (the engine refuses a taken name), so it comes from a
 * plain random generator: seeding a SecureRandom costs every run time, even one that names nothing.
 */
final class RandomSuffixes implements Supplier<String> {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  @Override
  public String get() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder suffix = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }
}
