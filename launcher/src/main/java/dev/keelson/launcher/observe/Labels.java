package dev.keelson.launcher.observe;

/**
 * The container labels paunch writes and reads; they are the only state, so their names and meaning
 * must stay exactly paunch's for a host to be shared with (or switched from) the Python tool.
 */
public final class Labels {

  /** The {@code --config-id} the container was applied under. */
  public static final String CONFIG_ID = "config_id";

  /** The entry key: the name the container should have, even while it carries a suffix. */
  public static final String CONTAINER_NAME = "container_name";

  /** The tool (or {@code --managed-by} value) that owns the container. */
  public static final String MANAGED_BY = "managed_by";

  /** The entry as {@code json.dumps} wrote it, compared on every apply. */
  public static final String CONFIG_DATA = "config_data";

  /** paunch's default owner. */
  public static final String DEFAULT_MANAGED_BY = "paunch";

  private Labels() {}
}
