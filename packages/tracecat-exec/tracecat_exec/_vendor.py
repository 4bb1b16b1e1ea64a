"""Facts about this package and its vendor, rendered from the manifest and the spec."""

DIST_NAME = "tracecat-exec"
__version__ = "0.1.0"

# Where the API lives; empty when the spec gives no fixed server (self-hosted).
DEFAULT_BASE_URL = ""

# Environment variables `AuthenticatedClient.from_env()` reads.
ENV_CREDENTIAL = "TRACECAT_TOKEN"
ENV_BASE_URL = "TRACECAT_BASE_URL"
