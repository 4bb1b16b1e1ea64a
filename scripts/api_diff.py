"""The public API of a generated package, read statically by griffe, and what changed between two versions.

What counts as public (and so as part of a release's contract):
- a module whose dotted path has no component starting with `_`;
- in a module, the names griffe considers public: those in `__all__` when the module has one, else those
  not starting with `_` and not imported from elsewhere;
- in a public class, every member whose name does not start with `_`, plus dunder members (`__init__`,
  `__getitem__`, ...), inherited ones included: a public class's API includes what a private base gives it;
- a re-export (`from .client import AuthenticatedClient`, listed in `__all__`) is a name of its own; what it
  refers to is described where it is defined, or in place when that is an internal module.

How a change is classified (the release kind it asks for):
- major: a public name removed or renamed, a changed signature (parameter removed, moved, retyped,
  re-defaulted, made required; return type; async/classmethod/property), a changed field or attribute
  type, a changed enum member or field default, an added *required* field or parameter (it breaks callers);
- minor: an added public name, module, field, enum member, base class or optional parameter;
- patch: a changed docstring, a changed value of a module-level constant, or any other file change.

griffe's own `find_breaking_changes` runs as well; a breakage it finds that the rules above did not
already report counts as major.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import griffe

MAJOR, MINOR, PATCH = "major", "minor", "patch"
LEVELS = (MAJOR, MINOR, PATCH)

# Labels whose change changes how callers use the object.
SIGNIFICANT_LABELS = frozenset(
    {"async", "classmethod", "staticmethod", "property", "writable", "deletable", "abstractmethod", "cached"}
)
# Module-level names whose value is release metadata, not API.
METADATA_NAMES = frozenset({"__version__"})
# Files in a package directory that are not the package's content (release notes are written by the release).
IGNORED_FILES = frozenset({"CHANGELOG.md"})


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    annotation: str | None
    default: str | None  # None: required

    @property
    def positional(self) -> bool:
        return self.kind in {"positional-only", "positional or keyword"}

    @property
    def variadic(self) -> bool:
        return self.kind in {"variadic positional", "variadic keyword"}


@dataclass(frozen=True)
class Entry:
    """One public object: what it is and everything about it that callers rely on."""

    path: str  # full dotted path under which the public reaches it
    display: str  # how reasons name it: `FlowExecution.priority`, `api.executions.get_execution.sync`
    what: str  # module, class, enum, function, method, property, field, enum member, attribute, name
    kind: str  # griffe's kind, or "alias" for a re-export described elsewhere
    annotation: str | None = None
    value: str | None = None
    in_class: bool = False
    class_level: bool = False  # an attribute with a class-level value (enum member, field default)
    canonical: str = ""  # where it is defined (differs from `path` for inherited members and re-exports)
    params: tuple[Param, ...] = ()
    returns: str | None = None
    labels: frozenset[str] = frozenset()
    bases: tuple[str, ...] = ()
    docstring: str = ""


@dataclass(frozen=True)
class Change:
    level: str  # major, minor or patch
    text: str
    path: str = ""


@dataclass
class _Walker:
    root: griffe.Module
    entries: dict[str, Entry] = field(default_factory=dict)
    _modules_seen: set[str] = field(default_factory=set)

    def rel(self, path: str) -> str:
        prefix = self.root.path + "."
        return path[len(prefix) :] if path.startswith(prefix) else path

    def is_canonically_public(self, obj: griffe.Object) -> bool:
        """Defined in a public module under a public name (so it is described at its own path)."""
        current: griffe.Object | None = obj
        while current is not None and current.parent is not None:
            if not current.is_public:
                return False
            current = current.parent
        return obj.path == self.root.path or obj.path.startswith(self.root.path + ".")

    def module(self, module: griffe.Module, path: str) -> None:
        if module.path in self._modules_seen:
            return
        self._modules_seen.add(module.path)
        display = self.rel(path) if path != self.root.path else path
        self.entries[path] = Entry(path, display, "module", "module", docstring=_doc(module), canonical=module.path)
        for name, member in module.members.items():
            if member.is_public:
                self.member(member, f"{path}.{name}", owner=None)
        self._modules_seen.discard(module.path)

    def member(self, member: griffe.Object | griffe.Alias, path: str, owner: griffe.Class | None) -> None:
        display = f"{owner.name}.{member.name}" if owner is not None else self.rel(path)
        in_class = owner is not None
        target: griffe.Object | griffe.Alias = member
        if isinstance(member, griffe.Alias):
            try:
                target = member.final_target
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                target_path = str(member.target_path)
                self.entries[path] = Entry(path, display, "name", "alias", value=target_path, canonical=target_path)
                return
            if not in_class:
                if not target.path.startswith(self.root.path + "."):
                    # A re-export of another distribution's object: what it refers to is the contract.
                    self.entries[path] = Entry(path, display, "name", "alias", value=target.path, canonical=path)
                    return
                if isinstance(target, griffe.Object) and self.is_canonically_public(target) and target.path != path:
                    # Described at its own public path; here only the name counts.
                    self.entries[path] = Entry(path, display, "name", "alias", canonical=target.path)
                    return
        canonical = target.path
        if isinstance(target, griffe.Module):
            self.module(target, path)
        elif isinstance(target, griffe.Class):
            self.cls(target, path, display, in_class)
        elif isinstance(target, griffe.Function):
            self.entries[path] = Entry(
                path,
                display,
                "method" if in_class else "function",
                "function",
                in_class=in_class,
                params=tuple(
                    Param(
                        p.name,
                        p.kind.value if p.kind is not None else "positional or keyword",
                        _annotation(p.annotation),
                        None if p.default is None else str(p.default),
                    )
                    for p in target.parameters
                ),
                returns=_annotation(target.returns),
                labels=frozenset(target.labels) & SIGNIFICANT_LABELS,
                docstring=_doc(target),
                canonical=canonical,
            )
        elif isinstance(target, griffe.Attribute):
            labels = frozenset(target.labels)
            annotation = _annotation(target.annotation)
            if "property" in labels:
                what = "property"
            elif owner is not None and annotation is None and "class-attribute" in labels and _is_enum(owner):
                what = "enum member"
            elif in_class and annotation is not None:
                what = "field"
            else:
                what = "attribute"
            self.entries[path] = Entry(
                path,
                display,
                what,
                "attribute",
                annotation=annotation,
                value=None if target.value is None else str(target.value),
                in_class=in_class,
                class_level=in_class and "class-attribute" in labels,
                labels=labels & SIGNIFICANT_LABELS,
                docstring=_doc(target),
                canonical=canonical,
            )
        else:  # a type alias (`type X = ...`) or anything griffe adds later
            kind = str(target.kind.value)
            self.entries[path] = Entry(path, display, kind, kind, in_class=in_class, canonical=canonical)

    def cls(self, cls: griffe.Class, path: str, display: str, in_class: bool) -> None:
        self.entries[path] = Entry(
            path,
            display,
            "enum" if _is_enum(cls) else "class",
            "class",
            in_class=in_class,
            bases=tuple(sorted(str(base) for base in cls.bases)),
            docstring=_doc(cls),
            canonical=cls.path,
        )
        for name, member in cls.all_members.items():
            if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                continue
            self.member(member, f"{path}.{name}", owner=cls)


def _is_enum(cls: griffe.Class) -> bool:
    return any(str(base).rsplit(".", 1)[-1].endswith("Enum") for base in cls.bases)


def _doc(obj: griffe.Object | griffe.Alias) -> str:
    docstring = obj.docstring
    return docstring.value if docstring is not None else ""


def _annotation(expr: str | griffe.Expr | None) -> str | None:
    """An annotation's text, with the members of a top-level union sorted (`A | None` is `None | A`)."""
    if expr is None:
        return None
    text = str(expr)
    members: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            members.append(text[start:index].strip())
            start = index + 1
    members.append(text[start:].strip())
    return " | ".join(sorted(members))


def load_package(package_dir: Path, import_name: str) -> griffe.Module:
    """The package `import_name` found in `package_dir`, loaded statically (nothing is imported)."""
    logging.getLogger("griffe").setLevel(logging.ERROR)
    loaded = griffe.load(
        import_name,
        search_paths=[package_dir],
        try_relative_path=False,
        allow_inspection=False,
        resolve_aliases=True,
        resolve_external=False,
    )
    if not isinstance(loaded, griffe.Module) or loaded.filepath is None:
        raise RuntimeError(f"{import_name} is not a package in {package_dir}")
    found = loaded.filepath[0] if isinstance(loaded.filepath, list) else loaded.filepath
    if package_dir.resolve() not in found.resolve().parents:
        raise RuntimeError(f"griffe loaded {import_name} from {found}, not from {package_dir}")
    return loaded


def public_api(package: griffe.Module) -> dict[str, Entry]:
    """Every public object of `package`, by the dotted path users reach it under."""
    walker = _Walker(package)
    walker.module(package, package.path)
    return walker.entries


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path.startswith(root + ".") for root in roots)


def _param_changes(old: Entry, new: Entry) -> Iterator[tuple[str, str]]:
    new_by_name = {p.name: p for p in new.params}
    old_positional = [p.name for p in old.params if p.positional]
    new_positional = [p.name for p in new.params if p.positional]
    for param in old.params:
        after = new_by_name.get(param.name)
        if after is None:
            yield MAJOR, f"removed parameter {param.name}"
            continue
        if after.kind != param.kind:
            yield MAJOR, f"parameter {param.name} changed from {param.kind} to {after.kind}"
        elif param.positional and old_positional.index(param.name) != new_positional.index(param.name):
            old_index, new_index = old_positional.index(param.name), new_positional.index(param.name)
            yield MAJOR, f"parameter {param.name} moved from position {old_index} to {new_index}"
        if after.annotation != param.annotation:
            yield MAJOR, f"parameter {param.name} type {param.annotation} -> {after.annotation}"
        if param.variadic or after.variadic:
            continue
        if param.default is not None and after.default is None:
            yield MAJOR, f"parameter {param.name} is now required"
        elif param.default is None and after.default is not None:
            yield MINOR, f"parameter {param.name} is now optional"
        elif param.default != after.default:
            yield MAJOR, f"parameter {param.name} default {param.default} -> {after.default}"
    old_names = {p.name for p in old.params}
    for param in new.params:
        if param.name in old_names:
            continue
        if param.default is None and not param.variadic:
            yield MAJOR, f"added required parameter {param.name}"
        else:
            yield MINOR, f"added optional parameter {param.name}"
    if old.returns != new.returns:
        yield MAJOR, f"return type {old.returns} -> {new.returns}"


def _entry_changes(old: Entry, new: Entry, kept: set[str]) -> Iterator[Change]:
    """What changed in one object; `kept` names its members (fields, methods) that both versions have."""
    name = f"{new.what} {new.display}"
    if old.kind == "alias" or new.kind == "alias":
        # A re-export: what it refers to is compared where that is defined; here only which object it is.
        before, after = old.value or old.canonical, new.value or new.canonical
        if old.kind == new.kind and before != after:
            yield Change(MAJOR, f"name {new.display} now refers to {after} (was {before})", new.path)
        return
    if (old.kind, old.what) != (new.kind, new.what):
        yield Change(MAJOR, f"changed {old.what} {old.display} into a {new.what}", new.path)
        return
    for label in sorted(old.labels - new.labels):
        yield Change(MAJOR, f"{name} is no longer {label}", new.path)
    for label in sorted(new.labels - old.labels):
        yield Change(MAJOR, f"{name} is now {label}", new.path)
    if new.kind == "function":
        minor: list[str] = []
        for level, detail in _param_changes(old, new):
            if level == MAJOR:
                yield Change(MAJOR, f"changed signature of {name}: {detail}", new.path)
            else:
                minor.append(detail)
        for detail in minor:
            yield Change(MINOR, f"{name}: {detail}", new.path)
    elif new.kind == "attribute":
        if old.annotation != new.annotation:
            yield Change(MAJOR, f"changed type of {name}: {old.annotation} -> {new.annotation}", new.path)
        if old.value != new.value and new.path.rsplit(".", 1)[-1] not in METADATA_NAMES:
            if old.class_level or new.class_level:  # an enum member's value, a field's default
                yield Change(MAJOR, f"changed value of {name}: {old.value} -> {new.value}", new.path)
            elif not new.in_class:  # a module-level constant
                yield Change(PATCH, f"changed value of {name}: {old.value} -> {new.value}", new.path)
            # An instance attribute's value is the expression `__init__` assigns: implementation.
    elif new.kind == "class":
        for base in sorted(set(old.bases) - set(new.bases)):
            yield Change(MAJOR, f"{name} no longer derives from {base}", new.path)
        for base in sorted(set(new.bases) - set(old.bases)):
            yield Change(MINOR, f"{name} now also derives from {base}", new.path)
    if new.kind == "function":
        kept = {p.name for p in old.params} & {p.name for p in new.params}
    yield from _doc_changes(old, new, kept)


def _doc_parts(docstring: str) -> dict[tuple[str, str], str]:
    """A docstring by part: its documented attributes and parameters one by one, the rest as one part."""
    parts: dict[tuple[str, str], str] = {}
    try:
        sections = griffe.Docstring(docstring).parse("google")
    except Exception:  # an unparsable docstring is compared as a whole
        return {("", ""): docstring}
    prose: list[str] = []
    for section in sections:
        kind = section.kind.value
        if kind in {"attributes", "parameters", "other parameters"}:
            for item in section.value:
                parts[(kind, item.name)] = f"{item.annotation}: {item.description}"
        else:
            prose.append(f"{kind}: {section.value}")
    parts[("", "")] = "\n".join(prose)
    return parts


def _doc_changes(old: Entry, new: Entry, kept: set[str]) -> Iterator[Change]:
    """Changed docs: the description of a documented field or parameter, else the docstring as a whole.

    An item of a field or parameter that one version lacks goes with that API change, not here."""
    if old.docstring == new.docstring:
        return
    old_parts, new_parts = _doc_parts(old.docstring), _doc_parts(new.docstring)
    owner = new.display.rsplit(".", 1)[-1]
    whole = False
    for key in sorted(set(old_parts) | set(new_parts)):
        if old_parts.get(key) == new_parts.get(key):
            continue
        kind, item = key
        if not kind:
            whole = True
        elif item not in kept:
            continue
        elif kind == "attributes" and new.kind == "class":
            yield Change(PATCH, f"changed description of field {owner}.{item}", new.path)
        elif new.kind == "function":
            yield Change(PATCH, f"changed description of parameter {item} of {new.what} {new.display}", new.path)
        else:
            whole = True
    if whole:
        yield Change(PATCH, f"changed docs of {new.what} {new.display}", new.path)


def diff_api(old: Mapping[str, Entry], new: Mapping[str, Entry]) -> list[Change]:
    """The changes from `old` to `new`, most severe first; a removed or added container hides its members."""
    removed = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    changes: list[Change] = []
    for path in removed:
        if not _under(path, removed):
            entry = old[path]
            changes.append(Change(MAJOR, f"removed {entry.what} {entry.display}", path))
    for path in added:
        if _under(path, added):
            continue
        entry = new[path]
        required = entry.what == "field" and entry.value is None and "property" not in entry.labels
        if required:
            changes.append(Change(MAJOR, f"added required field {entry.display}", path))
        else:
            changes.append(Change(MINOR, f"added {entry.what} {entry.display}", path))
    common = set(old) & set(new)
    kept: dict[str, set[str]] = {}
    for path in common:
        parent, _, name = path.rpartition(".")
        kept.setdefault(parent, set()).add(name)
    for path in sorted(common):
        changes.extend(_entry_changes(old[path], new[path], kept.get(path, set())))
    return sorted(changes, key=lambda change: LEVELS.index(change.level))


def griffe_breakages(old: griffe.Module, new: griffe.Module) -> list[Change]:
    """griffe's own breaking-change report, as major changes."""
    found: list[Change] = []
    for breakage in griffe.find_breaking_changes(old, new):
        path = breakage.obj.path
        found.append(Change(MAJOR, f"{path.removeprefix(new.path + '.')}: {breakage.kind.value}", path))
    return found


def compare_packages(old_dir: Path, new_dir: Path, import_name: str) -> list[Change]:
    """The API changes between two copies of a package, most severe first."""
    old, new = load_package(old_dir, import_name), load_package(new_dir, import_name)
    old_api, new_api = public_api(old), public_api(new)
    changes = diff_api(old_api, new_api)
    # griffe names an object by where it is defined; ours by where the public reaches it.
    reported: set[str] = set()
    for change in changes:
        if change.level == MAJOR:
            reported.add(change.path)
            for api in (old_api, new_api):
                if change.path in api:
                    reported.add(api[change.path].canonical)
    for breakage in griffe_breakages(old, new):
        if breakage.path in reported or _under(breakage.path, reported):
            continue
        changes.insert(0, breakage)
        reported.add(breakage.path)
    return changes


def changed_files(old: Mapping[str, bytes], new: Mapping[str, bytes]) -> list[str]:
    """Paths (relative to the package directory) added, removed or changed, release notes aside."""
    names = (set(old) | set(new)) - IGNORED_FILES
    return sorted(name for name in names if old.get(name) != new.get(name))


def release_kind(changes: Sequence[Change], files: Sequence[str]) -> str:
    """The release a set of API changes and changed files asks for: the most severe change's
    level (changes come sorted, most severe first), else patch if any file changed, else none."""
    if changes:
        return changes[0].level
    return PATCH if files else "none"
