"""The repository index: a cheap first pass (regular expressions, no parse) over the files that
pass the byte pre-filter, so the second pass can see v1 evidence that lives in another file.

Per file (``file_facts``): whether it shows strong v1 evidence (the host, a v1 SDK import or
package), the v1-only body fields it names (``customer_uuid``, ``authentication_uuid``,
``check_code``: two of them are the shape of a v1 request or response model), the constants it
assigns the v1 base URL or the ``x-api-key`` header name, and - in a file with evidence or one
naming a v1 field - the classes, functions and package it declares (a v1 wrapper) and their
methods; manifests that name a v1 SDK as their own package mark a v1 SDK repository.
``RepoIndex`` folds them: folders with evidence (strong, or a v1 body model), the wrappers' names
(declared in a file with strong evidence, or naming a v1 field next to such a file; they join
the trigger tokens of the second pass), and which of them a file references (imports - JS/TS
relative imports resolved to the file, whatever name they bind -, or shares a folder with in
languages where a folder is a package).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from compat.knowledge.hosts import V1_HOST
from compat.knowledge.packages import V1_DISTRIBUTIONS as V1_PACKAGES, V1_PYTHON_IMPORT_PACKAGES
from compat.knowledge.sdk_shapes import SDK_V1_MODEL_MODULES
from codemods.syntax.fields import v1_field_names
from codemods.syntax.import_gate import IMPORT_LINE as _IMPORT_LINE, dot_specifier, on_import_line, relative_part
from codemods.syntax.languages import family
from codemods.syntax.rules.api_key_header import HEADER_CONSTANT
from codemods.syntax.sdk_namespace import declared_in_v1_namespace
from codemods.syntax.rules.host import HOST_RE
from codemods.syntax.rules.sdk_import import go_v1_packages, pattern_for as import_pattern, sdk_own_imports
from codemods.syntax.stainless_v1 import resource_root
from codemods.syntax.ts_sdk_layout import ts_sdk_file, ts_sdk_root

_ASSIGNED_HOST = re.compile(
    r"""(?P<name>[A-Za-z_$][\w$]*)["']?\s*(?::=|=|:|=>|\?\?=)\s*(?:[\w.:<>\[\]]+\s*)?\(?\s*[@$]?["'`][^"'`\n]*"""
    + re.escape(V1_HOST),
    re.IGNORECASE)

# family -> declarations of a module that wraps v1 (name group "name"), methods ("method")
_DECLARATIONS = {
    "js": re.compile(r"(?m)^\s*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:class|(?:async\s+)?function)\s+(?P<name>[A-Za-z_$][\w$]*)"
                     r"|^\s*(?:export\s+)?(?:const|let|var)\s+(?P<name2>[A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*=>"),
    "go": re.compile(r"(?m)^func\s+(?P<name>[A-Z]\w*)\s*\(|^type\s+(?P<name2>[A-Z]\w*)\s+(?:struct|interface)\b"),
    "python": re.compile(r"(?m)^(?:class|def|async\s+def)\s+(?P<name>[A-Za-z_]\w*)"),
    "ruby": re.compile(r"(?m)^\s*(?:class|module)\s+(?P<name>[A-Z]\w*)"),
    "php": re.compile(r"(?m)^\s*(?:final\s+|abstract\s+)?(?:class|trait)\s+(?P<name>[A-Za-z_]\w*)"),
    "jvm": re.compile(r"(?m)^\s*(?:(?:public|private|internal|open|final|abstract|data|static)\s+)*(?:class|object|interface)\s+(?P<name>[A-Z]\w*)"),
    "csharp": re.compile(r"(?m)^\s*(?:(?:public|private|internal|sealed|static|partial|abstract)\s+)*(?:class|interface|record)\s+(?P<name>[A-Z]\w*)"),
    "swift": re.compile(r"(?m)^\s*(?:(?:public|private|internal|final|open)\s+)*(?:class|struct|actor)\s+(?P<name>[A-Z]\w*)"),
}
_METHODS = {
    "js": re.compile(r"(?m)^[ \t]+(?:public\s+|private\s+|protected\s+|static\s+|async\s+)*(?P<method>[A-Za-z_$][\w$]*)\s*\([^)\n]*\)\s*(?::[^{\n]*)?\{"),
    "go": re.compile(r"(?m)^func\s+\(\s*\w+\s+\*?\w+\s*\)\s+(?P<method>[A-Z]\w*)\s*\("),
    "python": re.compile(r"(?m)^[ \t]+(?:async\s+)?def\s+(?P<method>[a-z]\w*)\s*\("),
    "ruby": re.compile(r"(?m)^[ \t]+def\s+(?:self\.)?(?P<method>[a-z]\w*[?!]?)"),
    "php": re.compile(r"(?m)^\s*(?:public\s+|static\s+)+function\s+(?P<method>[a-z]\w*)\s*\("),
    "jvm": re.compile(r"(?m)^\s*(?:public\s+|suspend\s+|override\s+)*(?:fun\s+|[\w<>\[\],]+\s+)(?P<method>[a-z]\w*)\s*\([^)]*\)\s*[:{\w]"),
    "csharp": re.compile(r"(?m)^\s*public\s+(?:async\s+|static\s+|virtual\s+|override\s+)*[\w<>\[\],?]+\s+(?P<method>[A-Z]\w*)\s*\("),
    "swift": re.compile(r"(?m)^\s*(?:public\s+|open\s+)?func\s+(?P<method>[a-z]\w*)\s*\("),
}
_GO_PACKAGE = re.compile(r"(?m)^package\s+(?P<name>\w+)")
# Generic methods that say nothing about v1 when called on some object.
_STOP_METHODS = frozenset({
    "constructor", "__init__", "init", "initialize", "new", "New", "toString", "String", "get", "set",
    "close", "Close", "main", "run", "call", "then", "catch", "map", "filter", "json", "render", "build",
    "create", "update", "delete", "handle", "execute", "request", "send", "fetch", "post", "put", "do",
    "Do", "Get", "Post", "Put", "Delete", "Send", "Request", "Execute", "Build", "Create", "Update",
    "Handle", "ServeHTTP", "Error", "equals", "hashCode", "dispose", "Dispose", "if", "for", "while",
    "switch", "catch", "function", "return",
})
# Where a folder is one package: a file sees its folder's declarations without an import.
_FOLDER_PACKAGES = frozenset({"go", "jvm", "csharp", "swift"})
_JSON_NAME = re.compile(r'(?m)^\s{0,4}"name"\s*:\s*"(?P<name>[^"]+)"')  # a JSON manifest's top-level name
_OWN_PACKAGE = {  # manifest -> its own name's pattern
    "package.json": _JSON_NAME,
    "jsr.json": _JSON_NAME,  # JSR / Deno publish the same name
    "deno.json": _JSON_NAME,
    "composer.json": _JSON_NAME,
    "go.mod": re.compile(r"(?m)^module\s+(?P<name>\S+)"),
    "setup.py": re.compile(r"""\bname\s*=\s*["'](?P<name>[^"']+)["']"""),
    "pyproject.toml": re.compile(r"""(?m)^name\s*=\s*["'](?P<name>[^"']+)["']"""),
}
# JS/TS relative imports: the names they bind and the module specifier.
_JS_RELATIVE_IMPORT = re.compile(
    r"""(?m)^\s*import\s+(?:type\s+)?(?P<bind>[\w$]+|\*\s+as\s+[\w$]+|\{[^}]*\})?\s*(?:,\s*(?:\{[^}]*\}|\*\s+as\s+[\w$]+))?"""
    r"""\s*from\s*["'](?P<spec>\.{1,2}/[^"']*|\.{1,2})["']"""
    r"""|(?:const|let|var)\s+(?P<bind2>[\w$]+|\{[^}]*\})\s*=\s*require\(\s*["'](?P<spec2>\.{1,2}/[^"']*|\.{1,2})["']\s*\)""")
_JS_SUFFIXES = ("", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js", "/index.mjs")
_GEMSPEC_NAME = re.compile(r"""\.name\s*=\s*["'](?P<name>[^"']+)["']""")
_V1_NAMES = frozenset(n.lower() for names in V1_PACKAGES.values() for n in names)


_PY_FROM_IMPORT = re.compile(r"(?m)^[ \t]*from[ \t]+(?P<dots>\.*)(?P<module>[\w.]*)[ \t]+import[ \t]+"
                             r"(?P<names>\([^)]*\)|[^\n#]+)")
_PY_IMPORT = re.compile(r"(?m)^[ \t]*import[ \t]+(?P<modules>[\w., \t]+)")


def _module_parts(path: str) -> List[str]:
    parts = _normal(os.path.splitext(path)[0]).split("/")
    return parts[:-1] if parts and parts[-1] == "__init__" else parts


def python_imports_module(text: str, path: str, decl_path: str) -> bool:
    """Whether a Python file imports the module ``decl_path`` (``from ding import lookup``,
    ``import ding.lookup``, ``from ding.lookup import X``, ``from . import lookup`` beside it): an
    absolute module path must be a tail of the declaring file's path, a relative one must resolve
    to it. ``from . import lookup`` in another package names that package's own ``lookup``."""
    target = _module_parts(decl_path)
    here = _module_parts(path)[:-1]

    def names_target(parts: List[str], relative: bool) -> bool:
        if not parts or any(not p for p in parts):
            return False
        if relative:
            return _normal("/".join(parts)) == _normal("/".join(target))
        if len(parts) == 1 and len(target) > 1:
            # ``import lookup``: a top-level module, so the declaring file is the script's
            # neighbour (its folder is on sys.path), not any ``.../lookup.py`` of the tree
            return target == here + parts
        return len(parts) <= len(target) and target[-len(parts):] == parts

    for m in _PY_FROM_IMPORT.finditer(text):
        dots, module = m.group("dots"), [p for p in m.group("module").split(".") if p]
        if dots:
            base = _module_parts(path)[:-1]
            base = base[:len(base) - (len(dots) - 1)] if len(dots) > 1 else base
            module = base + module
        names = [n.split()[0] for n in m.group("names").strip("()").replace("\n", " ").split(",") if n.strip()]
        if names_target(module, bool(dots)) or any(names_target(module + [n], bool(dots)) for n in names):
            return True
    for m in _PY_IMPORT.finditer(text):
        for spec in m.group("modules").split(","):
            if spec.strip() and names_target(spec.split()[0].split("."), False):
                return True
    return False


def _in_sdk_layout(path: str, package: str) -> bool:
    """The path is a generated module of the v1 Python SDK's layout: ``<package>/models/<components,
    operations, errors or shared>/...`` (``compat.knowledge.sdk_shapes.SDK_V1_MODEL_MODULES``;
    docs/reference/v1-api.md, "The v1 Python SDK")."""
    parts = path.replace("\\", "/").split("/")[:-1]
    return any(parts[i] == package and parts[i + 1] == "models" and parts[i + 2] in SDK_V1_MODEL_MODULES
               for i in range(len(parts) - 2))


def own_package_name(path: str, text: str) -> Optional[str]:
    """The package a manifest publishes (``module x`` of go.mod, ``"name"`` of package.json...)."""
    name = os.path.basename(path).lower()
    pattern = _GEMSPEC_NAME if name.endswith(".gemspec") else _OWN_PACKAGE.get(name)
    if pattern is None:
        return None
    m = pattern.search(text)
    return m.group("name") if m else None


def is_v1_package_name(name: str) -> bool:
    lower = name.lower()
    return lower in _V1_NAMES or any(lower.startswith(v + "/") for v in _V1_NAMES) or \
        lower.replace("_", "-") in _V1_NAMES


@dataclass
class FileFacts:
    path: str
    language: str
    strong: bool = False
    own_v1_package: bool = False
    base_constants: Tuple[str, ...] = ()
    header_constants: Tuple[str, ...] = ()
    declared: Tuple[str, ...] = ()
    methods: Tuple[str, ...] = ()
    package: str = ""  # Go package name / module stem
    v1_fields: FrozenSet[str] = frozenset()  # v1-only body fields named (normalised)
    sdk_own_import: bool = False  # Python: imports a v1 package's own sub-modules (``from ding import utils``)
    go_v1_folders: Tuple[Tuple[str, str], ...] = ()  # Go: (module, folder) of the Ding-organisation packages it imports
    go_module: Optional[str] = None  # go.mod: the module it declares
    sdk_own_code: bool = False  # declared in a v1 SDK's namespace, or a Python module at its layout: evidence, no wrapper
    sdk_source_root: Optional[str] = None  # a file of the v1 TS SDK in its funcs/ folder, or a resource of the
    # Stainless v1 prototype (codemods.syntax.stainless_v1): the SDK's source root

    @property
    def body_model(self) -> bool:
        """Two v1-only body fields: the shape of a v1 request or response."""
        return len(self.v1_fields) >= 2


def file_facts(path: str, language: str, text: str) -> FileFacts:
    """What one file contributes to the index (regular expressions only)."""
    facts = FileFacts(path, language)
    own = own_package_name(path, text)
    if own is not None and is_v1_package_name(own):
        facts.own_v1_package = True
    if own is not None and os.path.basename(path) == "go.mod":
        facts.go_module = own
    lower = text.lower()
    if V1_HOST in lower and HOST_RE.search(text):
        facts.strong = True
        facts.base_constants = tuple(sorted({m.group("name") for m in _ASSIGNED_HOST.finditer(text)}))
    pattern = import_pattern(language)
    if pattern is not None and pattern.search(text):
        facts.strong = True
    fam = family(language)
    if fam == "go" and facts.strong:
        facts.go_v1_folders = tuple(sorted(go_v1_packages(text)))
    if fam == "js" and ts_sdk_file(text):
        facts.strong = True  # a file of the v1 TypeScript SDK itself (DingCore, funcs/ imports)
        facts.sdk_source_root = ts_sdk_root(path)
    prototype = resource_root(path, language, text)
    if prototype is not None:  # a v1 resource of the Stainless prototype SDK: its tree is v1 code
        facts.strong = True
        facts.sdk_source_root = prototype
    if "x-api-key" in lower:
        facts.header_constants = tuple(sorted({m.group("name") for m in HEADER_CONSTANT.finditer(text)}))
    if "uuid" in lower or "code" in lower:
        facts.v1_fields = v1_field_names(text)
    if fam == "python" and "import" in text:
        own_import = next(sdk_own_imports(text), None)
        if own_import is not None:
            facts.sdk_own_import = True
            # a generated module at the SDK's layout (``ding/models/components/x.py``): v1 code itself
            facts.sdk_own_code = _in_sdk_layout(path, own_import.group("name") or own_import.group("name2"))
    facts.sdk_own_code = facts.sdk_own_code or declared_in_v1_namespace(language, text)
    if (facts.strong or facts.v1_fields) and fam in _DECLARATIONS:
        declared = set()
        for m in _DECLARATIONS[fam].finditer(text):
            declared.add(m.group("name") or m.group("name2"))
        facts.declared = tuple(sorted(d for d in declared if d and len(d) >= 3))
        facts.methods = tuple(sorted({m.group("method") for m in _METHODS[fam].finditer(text)} - _STOP_METHODS))
        if not facts.declared:
            pass  # a constants/config module: its base constants are indexed, no wrapper
        elif fam == "go":
            m = _GO_PACKAGE.search(text)
            facts.package = m.group("name") if m else ""
        else:
            facts.package = os.path.splitext(os.path.basename(path))[0]
    return facts


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _folder(path: str) -> str:
    return os.path.dirname(path.replace("\\", "/"))


def _normal(path: str) -> str:
    return os.path.normpath(path).replace("\\", "/")


@dataclass
class RepoIndex:
    """What the first pass learnt about the repository (picklable, for worker processes)."""
    evidence_folders: FrozenSet[str] = frozenset()
    v1_sdk_repo: bool = False
    any_evidence: bool = False
    base_constants: Dict[str, Tuple[str, ...]] = field(default_factory=dict)  # name -> declaring paths
    header_constants: FrozenSet[str] = frozenset()
    # wrapper name -> (declaring path, family); module/package name -> (declaring path, family)
    wrappers: Dict[str, Tuple[str, str]] = field(default_factory=dict)
    modules: Dict[str, Tuple[str, str]] = field(default_factory=dict)
    methods: Dict[str, Tuple[str, ...]] = field(default_factory=dict)  # declaring path -> methods
    sdk_package_folders: FrozenSet[str] = frozenset()  # folders of files with ``sdk_own_import``
    go_v1_folders: FrozenSet[Tuple[str, str]] = frozenset()  # (module, module-relative folder) of imported Ding-org Go packages
    go_modules: Dict[str, str] = field(default_factory=dict)  # folder of a go.mod -> its module
    # v1 SDK trees: publishing manifests' folders, the TS SDK / Stainless prototype source roots,
    # folders of files declared in a v1 namespace or at the Python SDK's layout
    v1_sdk_roots: FrozenSet[str] = frozenset()
    _cache: Dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # references, go.mod roots
    _declaring: Optional[tuple] = field(default=None, repr=False, compare=False)  # see _declaring_files

    @classmethod
    def build(cls, facts: Iterable[FileFacts]) -> "RepoIndex":
        folders: Set[str] = set()
        bases: Dict[str, List[str]] = {}
        headers: Set[str] = set()
        wrappers: Dict[str, Tuple[str, str]] = {}
        modules: Dict[str, Tuple[str, str]] = {}
        methods: Dict[str, Tuple[str, ...]] = {}
        sdk_repo = any_evidence = False
        facts = list(facts)
        strong_folders = {_folder(f.path) for f in facts if f.strong}
        for f in facts:
            sdk_repo |= f.own_v1_package
            if f.strong:
                any_evidence = True
                folders.add(_folder(f.path))
                for name in f.base_constants:
                    bases.setdefault(name, []).append(f.path)
            elif f.body_model or f.sdk_own_code:  # a v1 request/response model, the SDK's own code
                any_evidence = True
                folders.add(_folder(f.path))
            headers.update(f.header_constants)
            # a wrapper: declared where the file itself, or its folder, talks to v1
            if not (f.strong or _folder(f.path) in strong_folders):
                continue
            fam = family(f.language)
            for name in f.declared:
                wrappers.setdefault(name, (f.path, fam))
            if f.package:
                modules.setdefault(f.package, (f.path, fam))
            if f.methods:
                methods[f.path] = f.methods
        return cls(frozenset(folders), sdk_repo, any_evidence or sdk_repo,
                   {name: tuple(paths) for name, paths in bases.items()}, frozenset(headers), wrappers, modules, methods,
                   frozenset(_folder(f.path) for f in facts if f.sdk_own_import),
                   frozenset(folder for f in facts for folder in f.go_v1_folders),
                   {_folder(f.path): f.go_module for f in facts if f.go_module},
                   frozenset(_folder(f.path) for f in facts if f.own_v1_package or f.sdk_own_code)
                   | frozenset(f.sdk_source_root for f in facts if f.sdk_source_root is not None))

    def __bool__(self) -> bool:
        return self.any_evidence

    def folder_has_evidence(self, folder: str) -> bool:
        return folder in self.evidence_folders

    def imported_v1_go_package(self, folder: str) -> bool:
        """The folder is a Go package that v1 code imports from Ding's organisation, by its whole
        import path (``github.com/ding-live/go-sdk/pkg/status``): ``vendor/<that path>``, or the
        folder ``pkg/status`` under a go.mod declaring ``github.com/ding-live/go-sdk``. Only where
        no go.mod is above the folder (a trimmed tree), and outside ``vendor/``, does the path
        after the module suffice (``.../pkg/status``). Another module's or another vendored
        SDK's ``pkg/status`` or ``models/components`` is not v1 code."""
        folder = folder.replace("\\", "/")
        vendored = folder == "vendor" or folder.startswith("vendor/") or "/vendor/" in folder
        root = self._go_module_root(folder)
        for module, sub in self.go_v1_folders:
            if folder.endswith("vendor/%s/%s" % (module, sub)):
                return True
            if vendored:
                continue
            if root is not None:
                if self.go_modules[root] == module and folder == "/".join(p for p in (root, sub) if p):
                    return True
            elif folder == sub or folder.endswith("/" + sub):
                return True
        return False

    def _go_module_root(self, folder: str) -> Optional[str]:
        """The folder of the nearest go.mod above ``folder`` (memoised: asked for every unread file)."""
        key = ("go-root", folder)
        if key not in self._cache:
            self._cache[key] = max((r for r in self.go_modules if not r or folder == r or folder.startswith(r + "/")),
                                   key=len, default=None)
        return self._cache[key]

    def under_v1_sdk_root(self, folder: str) -> bool:
        """The folder is inside the tree of a v1 SDK (:attr:`v1_sdk_roots`: its publishing
        manifest's folder, its source root, a folder of its own declared files)."""
        return any(not root or root == "." or folder == root or folder.startswith(root + "/") for root in self.v1_sdk_roots)

    @property
    def has_v1_code_folders(self) -> bool:
        """Whether ``v1_code_folder`` can hold for any file (else nothing is read past the pre-filter)."""
        return bool(self.go_v1_folders or self.v1_sdk_roots or self.sdk_package_folders or self.v1_sdk_repo)

    def v1_code_folder(self, path: str, language: str) -> bool:
        """The file sits where the index says every file is v1 code, whatever its text: a Go
        package v1 code imports from Ding's organisation, the tree of a manifest that publishes a
        v1 SDK, or (Python) the v1 SDK's package. The second pass reads such files even when no
        pre-filter token is in them (a generated status enum names nothing but its values)."""
        folder = _folder(path)
        fam = family(language)
        if fam == "go" and self.go_v1_folders and self.imported_v1_go_package(folder):
            return True
        if self.v1_sdk_roots and self.under_v1_sdk_root(folder):
            return True
        return fam == "python" and bool(self.sdk_package_folders or self.v1_sdk_repo) and \
            self.inside_v1_python_package(folder)

    def v1_python_package(self, folder: str) -> bool:
        """The folder is named after a v1 Python import package (``ding``), shows evidence in
        itself or below it, and is the SDK's: the repository is a v1 SDK, or a file in or below it
        imports the SDK's own sub-modules (``from ding import utils``; never the name alone, which
        a Django app ``ding/`` or a company ``sdk/`` package also has)."""
        if os.path.basename(folder) not in V1_PYTHON_IMPORT_PACKAGES:
            return False
        def inside(folders):
            return any(f == folder or f.startswith(folder + "/") for f in folders)
        if self.v1_sdk_repo:  # the repository publishes the v1 SDK: its ``ding/`` is the SDK's package
            return True
        # the generated SDK's layout: ``ding/models/components/x.py`` importing ``from ding import
        # utils`` (a Django app ``ding`` has no such modules importing those sub-modules)
        layout = tuple("%s/models/%s" % (folder, name) for name in SDK_V1_MODEL_MODULES)
        if any(f == root or f.startswith(root + "/") for f in self.sdk_package_folders for root in layout):
            return True
        return inside(self.evidence_folders) and inside(self.sdk_package_folders)

    def inside_v1_python_package(self, folder: str) -> bool:
        """The folder is (inside) the v1 SDK's package (``v1_python_package``): a module of the
        SDK itself (``ding/models/components/x.py`` whose only v1 trace is ``from ding import utils``)."""
        while folder:
            if self.v1_python_package(folder):
                return True
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        return False

    def names(self) -> List[str]:
        """Names whose mention makes a file worth a second look (trigger tokens)."""
        return sorted(set(self.wrappers) | set(self.modules) | set(self.base_constants))

    def references(self, source) -> Tuple[Tuple[str, str], ...]:
        """(name, declaring path) of the wrappers and modules this file uses: imported (the
        name or module in an import line), or declared in its own folder where a folder is a
        package. The declaring file itself references nothing."""
        key = source.path
        cached = self._cache.get(key)
        if cached is not None and cached[0] is source.text:
            return cached[1]
        found = []
        if self.wrappers or self.modules:
            folder = _folder(source.path)
            fam = family(source.language)
            if fam == "js":
                found.extend(self._js_relative_references(source, folder))
            imports = " ".join(m.group(0) for m in _IMPORT_LINE.finditer(source.text))
            for table in (self.wrappers, self.modules):
                for name, (decl_path, decl_family) in table.items():
                    if decl_path == source.path or decl_family != fam or name not in source.text:
                        continue
                    stem = os.path.splitext(os.path.basename(decl_path))[0]
                    same_package = fam in _FOLDER_PACKAGES and _folder(decl_path) == folder
                    if fam == "python":  # the import must name the declaring module, not a word alike
                        imported = _module_parts(decl_path)[-1] in imports and \
                            python_imports_module(source.text, source.path, decl_path)
                    else:
                        imported = re.search(r"(?<![\w$])(?:%s|%s)(?![\w$])" % (re.escape(name), re.escape(stem)), imports)
                    decl_folder = os.path.basename(_folder(decl_path))
                    go_import = fam == "go" and decl_folder and re.search(r'/%s"' % re.escape(decl_folder), imports)
                    if same_package or imported or go_import:
                        if re.search(r"(?<![\w$])%s(?![\w$])" % re.escape(name), source.text):
                            found.append((name, decl_path))
        result = tuple(dict.fromkeys(found))
        self._cache[key] = (source.text, result)
        return result

    def _declaring_files(self) -> tuple:
        """Of the files that declare a wrapper or module, computed once per index (the second
        pass asks for every file): their normal path -> path, and (path, specifier keys, bases
        without a JS suffix) for ``_js_specifier_possible``."""
        if self._declaring is None:
            paths = [path for path, _ in list(self.wrappers.values()) + list(self.modules.values())]
            rows = []
            for decl_path in paths:
                stem = _stem(decl_path)
                keys = [stem] + ([os.path.basename(_folder(decl_path))] if stem == "index" else [])
                declared = _normal(decl_path)
                bases = [declared[:len(declared) - len(suffix)] if suffix else declared
                         for suffix in _JS_SUFFIXES if declared.endswith(suffix)]
                rows.append((decl_path, keys, bases))
            self._declaring = ({_normal(path): path for path in paths}, rows)
        return self._declaring

    def _js_relative_references(self, source, folder: str):
        """(bound name, declaring path) for each relative import of a file that declares a wrapper."""
        declaring = self._declaring_files()[0]
        for m in _JS_RELATIVE_IMPORT.finditer(source.text):
            spec = m.group("spec") or m.group("spec2")
            bind = m.group("bind") or m.group("bind2") or ""
            target = _normal(os.path.join(folder, spec))
            path = next((declaring[target + suffix] for suffix in _JS_SUFFIXES if target + suffix in declaring), None)
            if path is None or path == source.path:
                continue
            for name in re.findall(r"[\w$]+", bind.replace(" as ", " ")):
                if name not in ("type", "default") and re.search(r"(?<![\w$.])%s(?![\w$])" % re.escape(name),
                                                                 source.text[m.end():]):
                    yield name, path

    def base_constants_for(self, source) -> Set[str]:
        """The v1 base-URL constants visible in a file: its own, its folder's where a folder is
        a package, and those of the modules it imports (by file stem)."""
        visible = set()
        if not self.base_constants:
            return visible
        folder = _folder(source.path)
        fam = family(source.language)
        imports = None
        for name, paths in self.base_constants.items():
            if name not in source.text:
                continue
            for decl in paths:
                if decl == source.path or (fam in _FOLDER_PACKAGES and _folder(decl) == folder):
                    visible.add(name)
                    break
                if imports is None:
                    imports = " ".join(m.group(0) for m in _IMPORT_LINE.finditer(source.text))
                stem = os.path.splitext(os.path.basename(decl))[0]
                if re.search(r"(?<![\w$])(?:%s|%s)(?![\w$])" % (re.escape(stem), re.escape(name)), imports):
                    visible.add(name)
                    break
        return visible

    def may_change(self, path: str, language: str, text: str) -> bool:
        """A cheap necessary condition for ``references`` or ``base_constants_for`` to find
        anything in this file (the second pass asks it first; those two still decide). It
        follows their rules with substring searches instead of regular expressions over the
        whole text: an entry of the same family declared in the same folder where a folder is a
        package, a name, stem or Go folder written on a line an import can sit on, or (JS/TS) a
        relative module specifier that can resolve to a declaring file."""
        folder = _folder(path)
        fam = family(language)
        seen: Dict[Tuple[str, bool], bool] = {}

        def imported(word: str, whole: bool = True) -> bool:
            if (word, whole) not in seen:
                seen[word, whole] = on_import_line(text, word, whole)
            return seen[word, whole]

        for table in (self.wrappers, self.modules):
            for name, (decl_path, decl_family) in table.items():
                if decl_path == path or decl_family != fam or name not in text:
                    continue
                if fam in _FOLDER_PACKAGES and _folder(decl_path) == folder:
                    return True
                if imported(name) or imported(_stem(decl_path)):
                    return True
                decl_folder = os.path.basename(_folder(decl_path))
                if fam == "go" and decl_folder and imported('/%s"' % decl_folder, whole=False):
                    return True
        if fam == "js" and (self.wrappers or self.modules) and self._js_specifier_possible(path, text):
            return True
        for name, paths in self.base_constants.items():
            if name not in text:
                continue
            for decl in paths:
                if decl == path or (fam in _FOLDER_PACKAGES and _folder(decl) == folder):
                    return True
                if imported(_stem(decl)) or imported(name):
                    return True
        return False

    def _js_specifier_possible(self, path: str, text: str) -> bool:
        """Whether a relative specifier (``_JS_RELATIVE_IMPORT``) may resolve to a declaring
        file: its last part (the file's stem, or its folder's name for an ``index`` file) after
        a ``/``, or - when a declaring file sits in this folder or above it (as ``index.js`` or
        beside it) - a specifier ending in ``.`` / ``..``."""
        here = _normal(_folder(path) or ".")
        above = False
        for decl_path, keys, bases in self._declaring_files()[1]:
            if decl_path == path:
                continue
            if any(key and relative_part(text, key) for key in keys):
                return True
            for base in bases:
                above = above or base in (".", here) or base.startswith("..") or here.startswith(base + "/")
        return above and dot_specifier(text)

    def methods_of(self, refs) -> Set[str]:
        out: Set[str] = set()
        for _, path in refs:
            out.update(self.methods.get(path, ()))
        return out


__all__ = ["FileFacts", "RepoIndex", "file_facts", "is_v1_package_name", "own_package_name", "python_imports_module"]
