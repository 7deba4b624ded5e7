package dev.keelson.launcher.cli;

/** A failure the user can fix from the message alone (bad --label, unsupported runtime...). */
final class CliFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message);
  }
}
