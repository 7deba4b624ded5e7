package dev.keelson.pilot.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrars of every service of one config, for the supervisor's whole-pilot operations:
 * maintenance on/off (SIGUSR1) and deregistration before preStop or on app exit. Operations on
 * several services run in parallel so that N services against a slow agent cost one call timeout,
 * not N, and {@link #deregisterAll} is bounded by the budget its caller gives.
 */
public final class RegisteredServices implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegisteredServices.class);

  private final List<ServiceRegistrar> registrars;
  private final ExecutorService workers;
  private boolean inMaintenance;

  public RegisteredServices(List<ServiceRegistrar> registrars) {
    this.registrars = List.copyOf(registrars);
    this.workers =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread worker = new Thread(runnable, "discovery-bulk");
              worker.setDaemon(true);
              return worker;
            });
  }

  public List<ServiceRegistrar> registrars() {
    return registrars;
  }

  /**
   * Toggles maintenance for every service (SIGUSR1): entering deregisters them and makes health
   * reports no-ops; leaving registers each again at once with its last known status.
   *
   * @return whether the pilot is now in maintenance
   */
  public synchronized boolean toggleMaintenance(Duration budget) {
    inMaintenance = !inMaintenance;
    boolean entering = inMaintenance;
    runAll(
        entering ? "enter maintenance" : "leave maintenance",
        budget,
        registrar -> {
          if (entering) {
            registrar.pause();
          } else {
            registrar.resume();
          }
        });
    return entering;
  }

  /**
   * Begins in maintenance, before any health report (a reload during maintenance): no call is made,
   * the services were deregistered when maintenance began; leaving it works as after {@link
   * #toggleMaintenance}.
   */
  public synchronized void startInMaintenance() {
    inMaintenance = true;
    registrars.forEach(ServiceRegistrar::startPaused);
  }

  public synchronized boolean inMaintenance() {
    return inMaintenance;
  }

  /**
   * Deregisters every service, in parallel, waiting at most {@code budget}; failures and overruns
   * are logged, never thrown, so shutdown always proceeds.
   *
   * @return whether every deregistration finished within the budget
   */
  public boolean deregisterAll(Duration budget) {
    return runAll("deregister", budget, ServiceRegistrar::deregister);
  }

  /** Stops the worker threads; registrars are left as they are. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private interface RegistrarAction {
    void apply(ServiceRegistrar registrar);
  }

  private boolean runAll(String what, Duration budget, RegistrarAction action) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (ServiceRegistrar registrar : registrars) {
      pending.add(CompletableFuture.runAsync(() -> action.apply(registrar), workers));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(budget.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      log.warn("{}: not finished for every service within {}; going on", what, budget);
      return false;
    } catch (ExecutionException e) {
      log.warn("{}: {}", what, String.valueOf(e.getCause()));
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
