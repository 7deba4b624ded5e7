package dev.keelson.pilot.discovery;

import com.ecwid.consul.ConsulException;
import com.ecwid.consul.transport.TransportException;
import com.ecwid.consul.v1.ConsulClient;
import com.ecwid.consul.v1.ConsulRawClient;
import com.ecwid.consul.v1.OperationException;
import com.ecwid.consul.v1.agent.model.NewService;
import com.ecwid.consul.v1.health.HealthServicesRequest;
import com.ecwid.consul.v1.health.model.HealthService;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.message.BasicHeader;
import org.jspecify.annotations.Nullable;

/**
 * {@link DiscoveryBackend} on a Consul agent through consul-api, with the agent API only (never the
 * catalog API): {@code PUT /v1/agent/service/register} with an inline TTL check {@code
 * service:<id>} named and annotated as ContainerPilot 2.0.1 names its check, {@code PUT
 * /v1/agent/check/{pass,warn,fail}/service:<id>}, {@code PUT /v1/agent/service/deregister/<id>},
 * {@code PUT /v1/agent/service/maintenance/<id>} and {@code GET
 * /v1/health/service/<name>?passing=1[&tag=]}.
 *
 * <p>The ACL token travels as an {@code X-Consul-Token} header on every request, because consul-api
 * has no token parameter for some calls (maintenance). Every request is bounded by {@link
 * ConsulOptions#callTimeout()} per phase.
 */
public final class ConsulDiscoveryBackend implements DiscoveryBackend {

  private final ConsulOptions options;
  private final CloseableHttpClient http;
  private final ConsulClient consul;

  private ConsulDiscoveryBackend(ConsulOptions options, CloseableHttpClient http) {
    this.options = options;
    this.http = http;
    ConsulAddress address = options.address();
    this.consul =
        new ConsulClient(
            ConsulRawClient.Builder.builder()
                .setHost(address.scheme() + "://" + address.hostForUrl())
                .setPort(address.port())
                .setHttpClient(http)
                .build());
  }

  /**
   * A backend for the agent at {@code options.address()}. Makes no call yet, so it succeeds while
   * the agent is down; fails only when the CA file cannot be read.
   */
  public static ConsulDiscoveryBackend connect(ConsulOptions options)
      throws IOException, GeneralSecurityException {
    int timeoutMillis = Math.toIntExact(options.callTimeout().toMillis());
    RequestConfig timeouts =
        RequestConfig.custom()
            .setConnectTimeout(timeoutMillis)
            .setConnectionRequestTimeout(timeoutMillis)
            .setSocketTimeout(timeoutMillis)
            .build();
    HttpClientBuilder builder =
        HttpClientBuilder.create()
            .setDefaultRequestConfig(timeouts)
            .setMaxConnTotal(16)
            .setMaxConnPerRoute(16)
            .disableAutomaticRetries()
            .useSystemProperties();
    List<Header> headers = new ArrayList<>();
    String token = options.address().token();
    if (token != null) {
      headers.add(new BasicHeader("X-Consul-Token", token));
    }
    String auth = options.basicAuth();
    if (auth != null) {
      String credentials = auth.contains(":") ? auth : auth + ":";
      headers.add(
          new BasicHeader(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    }
    builder.setDefaultHeaders(headers);
    if (!options.verifyTls()) {
      builder.setSSLContext(TrustMaterial.trustingAnything());
      builder.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
    } else if (options.caFile() != null) {
      builder.setSSLContext(TrustMaterial.trusting(options.caFile()));
    }
    return new ConsulDiscoveryBackend(options, builder.build());
  }

  public ConsulOptions options() {
    return options;
  }

  @Override
  public void register(ServiceRegistration registration, CheckStatus initialStatus)
      throws DiscoveryException {
    NewService service = new NewService();
    service.setId(registration.id());
    service.setName(registration.name());
    service.setAddress(registration.address());
    service.setPort(registration.port());
    service.setTags(new ArrayList<>(registration.tags()));
    NamedCheck check = new NamedCheck(registration.checkName(), registration.checkNotes());
    check.setTtl(registration.ttlText());
    check.setStatus(initialStatus.consulName());
    service.setCheck(check);
    call("register", registration.id(), () -> consul.agentServiceRegister(service));
  }

  @Override
  public void updateTtl(String serviceId, CheckStatus status, String note)
      throws DiscoveryException {
    String checkId = "service:" + serviceId;
    String operation = "ttl " + status.consulName();
    call(
        operation,
        serviceId,
        () -> {
          switch (status) {
            case PASSING -> consul.agentCheckPass(checkId, note);
            case WARNING -> consul.agentCheckWarn(checkId, note);
            case CRITICAL -> consul.agentCheckFail(checkId, note);
          }
        });
  }

  @Override
  public void deregister(String serviceId) throws DiscoveryException {
    call("deregister", serviceId, () -> consul.agentServiceDeregister(serviceId));
  }

  @Override
  public void setMaintenance(String serviceId, boolean enabled, String reason)
      throws DiscoveryException {
    call(
        enabled ? "enable maintenance of" : "disable maintenance of",
        serviceId,
        () -> consul.agentServiceSetMaintenance(serviceId, enabled, reason));
  }

  @Override
  public List<ServiceInstance> passingInstances(String serviceName, @Nullable String tag)
      throws DiscoveryException {
    HealthServicesRequest.Builder request = HealthServicesRequest.newBuilder().setPassing(true);
    if (tag != null && !tag.isEmpty()) {
      request.setTag(tag);
    }
    List<HealthService> found;
    try {
      found = consul.getHealthServices(serviceName, request.build()).getValue();
    } catch (ConsulException e) {
      throw translate("query", serviceName, e);
    } catch (RuntimeException e) {
      throw unexpected("query", serviceName, e);
    }
    List<ServiceInstance> instances = new ArrayList<>();
    for (HealthService entry : found) {
      HealthService.Service service = entry.getService();
      String address = service.getAddress();
      if (address == null || address.isEmpty()) {
        // Consul's own convention: a service without an address lives at its node's address
        address = entry.getNode().getAddress();
      }
      Integer port = service.getPort();
      instances.add(new ServiceInstance(address, port == null ? 0 : port));
    }
    instances.sort(null);
    return List.copyOf(instances);
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
  }

  @Override
  public String toString() {
    return "consul at " + options.address();
  }

  /**
   * consul-api's inline check has no {@code Name} or {@code Notes}; without them Consul calls the
   * check {@code Service '<name>' check} with empty notes. Gson serialises a field by its runtime
   * type, so these two travel with the registration, which stays one atomic call.
   */
  private static final class NamedCheck extends NewService.Check {
    @SerializedName("Name")
    private final String name;

    @SerializedName("Notes")
    private final String notes;

    NamedCheck(String name, String notes) {
      this.name = name;
      this.notes = notes;
    }

    @Override
    public String toString() {
      return "NamedCheck{name=" + name + ", notes=" + notes + ", " + super.toString() + "}";
    }
  }

  private interface ConsulCall {
    void run();
  }

  private void call(String operation, String subject, ConsulCall body) throws DiscoveryException {
    try {
      body.run();
    } catch (ConsulException e) {
      throw translate(operation, subject, e);
    } catch (RuntimeException e) {
      throw unexpected(operation, subject, e);
    }
  }

  /** The client library failed in a way it does not declare (e.g. an unreadable response). */
  private static DiscoveryException unexpected(
      String operation, String subject, RuntimeException e) {
    return new DiscoveryException(operation, subject, "unexpected client error: " + e, e);
  }

  private DiscoveryException translate(String operation, String subject, ConsulException e) {
    if (e instanceof OperationException rejected) {
      String content = String.valueOf(rejected.getStatusContent()).strip();
      String reason = "HTTP " + rejected.getStatusCode() + " " + content;
      if (content.contains("does not have associated TTL")
          || content.contains("Unknown check")
          || content.contains("Unknown service")) {
        return new NotRegisteredException(operation, subject, reason, e);
      }
      return new DiscoveryException(operation, subject, reason, e);
    }
    if (e instanceof TransportException) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return new DiscoveryUnavailableException(
          operation, subject, options.address().url() + " unreachable: " + cause, e);
    }
    return new DiscoveryException(operation, subject, String.valueOf(e.getMessage()), e);
  }
}
