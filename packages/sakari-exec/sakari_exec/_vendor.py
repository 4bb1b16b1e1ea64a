"""Facts about this package and its vendor, rendered from the manifest and the spec."""

DIST_NAME = "sakari-exec"
__version__ = "0.4.2"

# Where the API lives; empty when the spec gives no fixed server (self-hosted).
DEFAULT_BASE_URL = "https://api.sakari.io"

# Environment variables the client's constructor falls back to: one per credential parameter.
ENV_CREDENTIALS: dict[str, str] = {"token": "SAKARI_TOKEN"}
ENV_CREDENTIAL = "SAKARI_TOKEN"
ENV_BASE_URL = "SAKARI_BASE_URL"
# `debug` or `info`: the package's logger writes to stderr at that level (see `_logging`).
ENV_LOG = "SAKARI_LOG"

# The operation the wait helper and the CLI poll (module path below the package), if any.
POLL_OPERATION = "api.executions.get_execution"
# Where that operation's answer carries the execution's status (a tracing attribute), if any.
POLL_STATUS_PATH: tuple[str, ...] | None = ("data", "status")
