package dev.keelson.launcher.apply;

import java.security.SecureRandom;
import java.util.function.Supplier;

/** paunch's name suffix: 8 characters from [a-z0-9], different on every call. */
final class RandomSuffixes implements Supplier<String> {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private final SecureRandom random = new SecureRandom();

  @Override
  public String get() {
    StringBuilder suffix = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }
}
