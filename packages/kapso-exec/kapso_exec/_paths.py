"""Path parameters are percent-encoded as exactly one URL segment."""

from urllib.parse import quote

_DOT_SEGMENTS = frozenset({"", ".", ".."})


def encode_path_segment(value: str, name: str) -> str:
    """Encode `value` so that it stays one segment (``/`` and ``:`` included).

    ``""``, ``.`` and ``..`` are rejected: HTTP clients and servers resolve the
    dot segments into another route, and an empty one changes the route too.
    """
    if value in _DOT_SEGMENTS:
        raise ValueError(f"path parameter {name!r} must not be {value!r}")
    return quote(value, safe="")
