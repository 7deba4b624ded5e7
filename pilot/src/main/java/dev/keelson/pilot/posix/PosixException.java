package dev.keelson.pilot.posix;

/** A POSIX call failed with an errno we do not expect to handle. */
public final class PosixException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int errno;

  public PosixException(String call, int errno) {
    super(call + " failed: errno " + errno);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
