"""Facts about this package and its vendor, rendered from the manifest and the spec."""

DIST_NAME = "sakari-exec"
__version__ = "0.1.0"

# Where the API lives; empty when the spec gives no fixed server (self-hosted).
DEFAULT_BASE_URL = "https://api.sakari.io"

# Environment variables `AuthenticatedClient.from_env()` reads: one per credential parameter.
ENV_CREDENTIALS: dict[str, str] = {"token": "SAKARI_TOKEN"}
ENV_CREDENTIAL = "SAKARI_TOKEN"
ENV_BASE_URL = "SAKARI_BASE_URL"

# The operation the wait helper and the CLI poll (module path below the package), if any.
POLL_OPERATION = "api.executions.get_execution"
