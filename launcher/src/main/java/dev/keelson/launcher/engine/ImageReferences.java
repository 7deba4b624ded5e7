package dev.keelson.launcher.engine;

/**
 * What the docker CLI does to an image reference before it pulls: a reference with neither a tag
 * nor a digest gets {@code :latest}. The Engine API does not: {@code POST /images/create} with an
 * untagged {@code fromImage} and no {@code tag} pulls <em>every</em> tag of the repository.
 */
public final class ImageReferences {

  private ImageReferences() {}

  /**
   * {@code reference} with {@code :latest} added when it names neither a tag nor a digest: {@code
   * centos} → {@code centos:latest}, {@code 127.0.0.1:5000/foo} → {@code 127.0.0.1:5000/foo:latest}
   * (the colon there belongs to the registry's port), while {@code foo:1}, {@code host:5000/foo:1}
   * and {@code foo@sha256:...} are returned as they are.
   */
  public static String withDefaultTag(String reference) {
    if (reference.indexOf('@') >= 0) {
      return reference;
    }
    // A tag can only follow the last path component; a colon before the last '/' is a port.
    String lastComponent = reference.substring(reference.lastIndexOf('/') + 1);
    if (lastComponent.indexOf(':') >= 0) {
      return reference;
    }
    return reference + ":latest";
  }

  /** The key the docker CLI stores Docker Hub's credentials under. */
  static final String DOCKER_HUB = "https://index.docker.io/v1/";

  /**
   * The registry {@code reference} names, as the CLI keys its credentials: the first path component
   * when it looks like a host (has a '.' or a ':', or is {@code localhost}), else Docker Hub.
   */
  static String registry(String reference) {
    int slash = reference.indexOf('/');
    if (slash > 0) {
      String first = reference.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return first;
      }
    }
    return DOCKER_HUB;
  }
}
