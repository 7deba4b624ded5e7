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
}
