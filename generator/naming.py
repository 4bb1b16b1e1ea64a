"""Names the generated code uses, computed exactly as openapi-python-client computes them.

The rules (also in the README):
- a component schema `S` is the class `ClassName(S)`; one whose class name would shadow a name
  the package itself defines or imports (see RESERVED_CLASS_NAMES) gets the suffix `Model`;
- an inline schema is named after where it stands: property `p` of `S` -> `S` + `P`; array
  items -> `+Item`; `additionalProperties` -> `+Value`; a `oneOf`/`anyOf` member -> its
  `title`, else `+Option<n>` (n from 1; the only non-null member takes the bare name);
  a request body -> `<OperationId>Body`; a response -> `<OperationId>Response<status>`;
  a parameter -> `<OperationId><Param>`;
- an operation without `operationId` is `<method>_<path words>` (`get_dags_dag_id_runs`);
  one without `tags` lives in `api/default/`; its module is `api/<first tag>/<operation id>.py`
  in snake_case (`getFlowExecution` -> `get_flow_execution`); two operations that would share a
  module get `_2`, `_3`: the vendor's operationIds first, then the derived names in the order of
  (path, method), so the document's order never renames one (`derive._operation_names`);
- a class name already taken gets `2`, `3`, ... in document order;
- a schema's `title` never names a class (derive removes titles from the generator's input).
"""

from __future__ import annotations

from openapi_python_client.strings import ClassName, PythonIdentifier, pascal_case

FIELD_PREFIX = "field_"

# Names a model class must not take: they are defined or imported by the package's own modules
# (runtime types, the client, typing names the templates import).
RESERVED_CLASS_NAMES = frozenset(
    {
        "Response",
        "APIResponse",
        "Client",
        "AuthenticatedClient",
        "BaseClient",
        "Unset",
        "UNSET",
        "File",
        "FileTypes",
        "FileContent",
        "RequestFiles",
        "Any",
        "Self",
        "Mapping",
        "MutableMapping",
        "Sequence",
        "Literal",
        "TypeVar",
        "Generic",
        "IO",
        "BinaryIO",
        "Errors",
        "Types",
        "NotGiven",
        "TimeoutArg",
        "UUID",
        "Scheme",
    }
)


def class_name(name: str) -> str:
    return str(ClassName(name, FIELD_PREFIX))


def python_name(name: str) -> str:
    return str(PythonIdentifier(name, FIELD_PREFIX))


def tag_module(tag: str) -> str:
    return str(PythonIdentifier(tag, "tag"))


def pascal(name: str) -> str:
    """PascalCase words of `name`; never empty."""
    return pascal_case(name) or "X"


def operation_id_for(method: str, path: str) -> str:
    """The operation id of an operation that has none: `<method>_<path words>`."""
    words = path.replace("{", "").replace("}", "").replace("/", "_").strip("_")
    return f"{method}_{words}" if words else method


class Names:
    """Claims names so that no two classes (or modules) share one; deterministic in call order."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def taken(self, name: str) -> bool:
        return name in self._taken

    def claim(self, wanted: str) -> str:
        candidate, counter = wanted, 1
        while candidate in self._taken:
            counter += 1
            candidate = f"{wanted}{counter}"
        self._taken.add(candidate)
        return candidate
