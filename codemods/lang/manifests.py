"""Dependency swaps in manifests, made only when certain: the v1 SDK entry of a ``package.json``
or a pip requirements file becomes the v2 SDK when every code file of that package that used
the v1 SDK now uses the v2 one (``prelude-migrate rewrite`` decides that over the whole run; see
``migrate/manifest_swaps.py``). Otherwise the manifest keeps its TODO (or, JSON, its summary line).

The version written is the one this project executes rewritten code against
(``compat.knowledge.packages.V2_TESTED_VERSIONS``): ``^0.10.0`` for npm, ``==0.16.0`` for pip.

Examples (``swap_dependency``)::

    "@ding-live/ding": "^0.22.0"     ->  "@prelude.so/sdk": "^0.10.0"
    # TODO(prelude-migration): v1 SDK dependency: replace with prelude-python-sdk
    ding-api-client==3.9.120 ; python_version >= "3.8"
                                     ->  prelude-python-sdk==0.16.0 ; python_version >= "3.8"

Not swapped: two v1 entries, a v2 entry already there, a JSON file that does not parse, an entry
that is not a plain name and version (a URL, ``-e``, a git reference).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Callable, List, Optional, Pattern, Tuple

from compat.knowledge.packages import (
    V1_DISTRIBUTIONS, V1_EVIDENCE_TOKENS, V1_PYTHON_IMPORT_PACKAGES, V2_PACKAGES, V2_TESTED_VERSIONS)
from compat.knowledge.todos import TODO_MARKER

_NPM_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
_PY_V2_IMPORT = V2_PACKAGES["pypi"].replace("-", "_")


@dataclass(frozen=True)
class Ecosystem:
    name: str  # a key of V1_DISTRIBUTIONS
    sources: Tuple[str, ...]  # suffixes of the package's code files
    uses_v1: Callable[[str], bool]  # a code file still uses a v1 SDK (any mention counts)
    uses_v2: Pattern[str]  # a code file imports the v2 SDK
    swap: Callable[[str], Optional[Tuple[str, List[int]]]]


def _npm_uses_v1(text: str) -> bool:
    lowered = text.lower()
    return any(token in lowered for token in V1_EVIDENCE_TOKENS["npm"])


_PY_V1_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+(?:%s)\b" % "|".join(map(re.escape, V1_PYTHON_IMPORT_PACKAGES)), re.M)


def _py_uses_v1(text: str) -> bool:
    lowered = text.lower()
    return _PY_V1_IMPORT.search(text) is not None or any(t in lowered for t in V1_EVIDENCE_TOKENS["pypi"])


def swap_npm(text: str) -> Optional[Tuple[str, List[int]]]:
    """``package.json`` with its one v1 SDK entry replaced by ``@prelude.so/sdk`` (same place,
    same spacing), and the 1-based line of the entry; None when that is not certain."""
    v2 = V2_PACKAGES["npm"]
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    sections = {s: data[s] for s in _NPM_SECTIONS if isinstance(data.get(s), dict)}
    entries = [(s, name) for s, deps in sections.items() for name in deps if name in V1_DISTRIBUTIONS["npm"]]
    if len(entries) != 1 or any(v2 in deps for deps in sections.values()):
        return None
    section, name = entries[0]
    if not isinstance(sections[section][name], str):
        return None
    entry = re.compile(r'"%s"(\s*:\s*)"(?:[^"\\]|\\.)*"' % re.escape(name))
    found = list(entry.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    new = f'{text[:match.start()]}"{v2}"{match.group(1)}"^{V2_TESTED_VERSIONS["npm"]}"{text[match.end():]}'
    after = json.loads(new)
    expected = {k if k != name else v2: (v if k != name else f"^{V2_TESTED_VERSIONS['npm']}")
                for k, v in sections[section].items()}
    if after.get(section) != expected:
        return None
    return new, [text.count("\n", 0, match.start()) + 1]


_REQUIREMENT = re.compile(
    r"^(?P<indent>[ \t]*)(?P<name>%s)(?:\[[^\]]*\])?[ \t]*(?:(?:===?|~=|>=|<=|!=|>|<)[ \t]*[\w.*+!-]+"
    r"(?:[ \t]*,[ \t]*(?:===?|~=|>=|<=|!=|>|<)[ \t]*[\w.*+!-]+)*)?(?P<rest>[ \t]*(?:;[^#\r\n]*)?(?:#[^\r\n]*)?)$"
    % "|".join(map(re.escape, V1_DISTRIBUTIONS["pypi"])), re.I)


def swap_requirements(text: str) -> Optional[Tuple[str, List[int]]]:
    """A pip requirements file with its one v1 SDK line replaced by ``prelude-python-sdk`` (its
    environment marker and comment kept) and the tool's TODO directly above it removed; the
    1-based line of the requirement in ``text``. None when that is not certain."""
    v2 = V2_PACKAGES["pypi"]
    lines = text.splitlines(keepends=True)
    hits = []
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if re.match(r"\s*%s\b" % re.escape(v2), body, re.I):
            return None  # already there
        if any(name in body.lower() for name in V1_DISTRIBUTIONS["pypi"]) and not body.lstrip().startswith("#"):
            hits.append(index)
    if len(hits) != 1:
        return None
    index = hits[0]
    body = lines[index].rstrip("\r\n")
    match = _REQUIREMENT.match(body)
    if match is None:
        return None  # a URL, -e, a git reference: not a plain requirement
    ending = lines[index][len(body):]
    lines[index] = f"{match.group('indent')}{v2}=={V2_TESTED_VERSIONS['pypi']}{match.group('rest')}{ending}"
    if index > 0 and TODO_MARKER in lines[index - 1] and lines[index - 1].lstrip().startswith("#") \
            and v2 in lines[index - 1]:
        del lines[index - 1]  # the TODO that asked for this swap
    return "".join(lines), [index + 1]


ECOSYSTEMS = {
    "npm": Ecosystem("npm", (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"), _npm_uses_v1,
                     re.compile(r"""['"]%s['"]""" % re.escape(V2_PACKAGES["npm"])), swap_npm),
    "pypi": Ecosystem("pypi", (".py",), _py_uses_v1,
                      re.compile(r"^\s*(?:from|import)\s+%s\b" % _PY_V2_IMPORT, re.M), swap_requirements),
}


def manifest_ecosystem(path: str) -> Optional[str]:
    """``npm`` for a package.json, ``pypi`` for a pip requirements file, else None."""
    name = os.path.basename(path).lower()
    if name == "package.json":
        return "npm"
    stem, suffix = os.path.splitext(name)
    if suffix in (".txt", ".in") and "requirements" in stem:
        return "pypi"
    return None


def package_folder(path: str) -> str:
    """The folder whose code a manifest lists (``requirements/base.txt``: the folder above)."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.path.dirname(folder) if os.path.basename(folder).lower() == "requirements" else folder


__all__ = ["ECOSYSTEMS", "Ecosystem", "manifest_ecosystem", "package_folder", "swap_npm", "swap_requirements"]


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    title="Dependency swaps",
    languages=("json", "requirements"),
    summary="the v1 SDK entry of a `package.json` or a pip requirements file becomes the v2 SDK when every "
            "code file of that package moved to it in the same run.",
    what="After a `rewrite` run over a folder: the v1 SDK entry of a `package.json` or a pip requirements file "
         "becomes the v2 SDK (`@prelude.so/sdk`, `prelude-python-sdk`, at the version this project runs "
         "rewritten code against) when the run's code files of that package no longer use the v1 SDK and at "
         "least one imports the v2 one.",
    why="A manifest that still pins the v1 SDK installs a package the rewritten code no longer imports, and "
        "leaves out the one it does.",
    fix_safety="Only when certain, decided over the whole run: a package whose code still uses the v1 SDK keeps "
               "its v1 entry under a TODO (JSON: a summary line). Two v1 entries, a v2 entry already there, a "
               "JSON file that does not parse and an entry that is not a plain name and version (a URL, `-e`, a "
               "git reference) are not swapped.",
    examples=(
        CodemodExample('''
            requests==2.32.3
            ding-api-client==3.9.120
            ''', '''
            requests==2.32.3
            prelude-python-sdk==0.16.0
            ''', language="requirements", path="requirements.txt", tree=(("app.py", '''
            import ding

            client = ding.Ding(api_key=KEY)
            '''),), note="`app.py`, the package's only code file, moves to the v2 SDK in the same run."),
        CodemodExample('''
            {
              "name": "otp",
              "dependencies": {
                "@ding-live/ding": "^0.22.0",
                "express": "^4.19.0"
              }
            }
            ''', '''
            {
              "name": "otp",
              "dependencies": {
                "@prelude.so/sdk": "^0.10.0",
                "express": "^4.19.0"
              }
            }
            ''', language="json", path="package.json", tree=(("otp.js", '''
            import { Ding } from "@ding-live/ding";

            const ding = new Ding({ apiKey: process.env.DING_API_KEY });

            export async function start(phoneNumber) {
              return ding.otp.createAuthentication({ customerUuid: CU, phoneNumber });
            }
            '''),), note="`otp.js` moves to `@prelude.so/sdk` in the same run."),
    ),
    no_ops=(
        NoOp('''
            {
              "dependencies": {
                "@prelude.so/sdk": "^0.10.0",
                "axios": "^1.7.0"
              }
            }
            ''', "A manifest already on the v2 SDK is left as it is.", language="json", path="package.json"),
    ),
)
