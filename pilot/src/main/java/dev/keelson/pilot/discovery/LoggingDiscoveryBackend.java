package dev.keelson.pilot.discovery;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every call to the wrapped backend at DEBUG, with its outcome and duration, success and
 * failure alike; the audit trail for "what did the pilot tell Consul, and when". Adds no behaviour.
 */
public final class LoggingDiscoveryBackend implements DiscoveryBackend {

  private static final Logger log = LoggerFactory.getLogger(LoggingDiscoveryBackend.class);

  private final DiscoveryBackend delegate;

  public LoggingDiscoveryBackend(DiscoveryBackend delegate) {
    this.delegate = delegate;
  }

  @Override
  public void register(ServiceRegistration registration, CheckStatus initialStatus)
      throws DiscoveryException {
    String what =
        "register "
            + registration.id()
            + " at "
            + registration.address()
            + ":"
            + registration.port()
            + " ttl "
            + registration.ttlText()
            + " "
            + initialStatus.consulName();
    run(what, () -> delegate.register(registration, initialStatus));
  }

  @Override
  public void updateTtl(String serviceId, CheckStatus status, String note)
      throws DiscoveryException {
    run(
        "ttl " + status.consulName() + " " + serviceId,
        () -> delegate.updateTtl(serviceId, status, note));
  }

  @Override
  public void deregister(String serviceId) throws DiscoveryException {
    run("deregister " + serviceId, () -> delegate.deregister(serviceId));
  }

  @Override
  public void setMaintenance(String serviceId, boolean enabled, String reason)
      throws DiscoveryException {
    run(
        "maintenance " + (enabled ? "on " : "off ") + serviceId,
        () -> delegate.setMaintenance(serviceId, enabled, reason));
  }

  @Override
  public List<ServiceInstance> passingInstances(String serviceName, @Nullable String tag)
      throws DiscoveryException {
    long start = System.nanoTime();
    String what = "query " + serviceName + (tag == null ? "" : " tag " + tag);
    try {
      List<ServiceInstance> found = delegate.passingInstances(serviceName, tag);
      log.debug("{}: {} passing in {} ms", what, found.size(), millisSince(start));
      return found;
    } catch (DiscoveryException e) {
      log.debug("{}: failed in {} ms: {}", what, millisSince(start), e.getMessage());
      throw e;
    }
  }

  @Override
  public void close() {
    delegate.close();
  }

  private interface Call {
    void run() throws DiscoveryException;
  }

  private static void run(String what, Call call) throws DiscoveryException {
    long start = System.nanoTime();
    try {
      call.run();
      log.debug("{}: ok in {} ms", what, millisSince(start));
    } catch (DiscoveryException e) {
      log.debug("{}: failed in {} ms: {}", what, millisSince(start), e.getMessage());
      throw e;
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
