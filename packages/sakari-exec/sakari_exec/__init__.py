"""A client library for accessing Sakari API"""

from . import errors
from ._vendor import __version__
from .client import AuthenticatedClient

__all__ = (
    "AuthenticatedClient",
    "__version__",
    "errors",
)
