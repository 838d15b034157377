"""After a rewrite run: swap the v1 SDK dependency of a manifest (``package.json``, pip
requirements) for the v2 SDK when that is certain, i.e. when the run's code files of that
package (the manifest's folder, less sub-folders with a manifest of their own) no longer use
the v1 SDK and at least one now imports the v2 one. The text edits are
``codemods.lang.manifests``; this module only looks at the run's results and writes.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from codemods.lang.manifests import ECOSYSTEMS, manifest_ecosystem, package_folder
from compat.knowledge.packages import V1_DISTRIBUTIONS
from compat.knowledge.todos import TODO_MARKER


def swap_manifests(paths: Sequence[Path], results: list, write: bool) -> list:
    """``results`` (aligned with ``paths``) with the certain dependency swaps made (written
    when ``write``) and their results updated."""
    manifests = [i for i, path in enumerate(paths)
                 if manifest_ecosystem(path.name) and results[i].status != "failed"]
    if not manifests:
        return results
    texts: Dict[int, Optional[str]] = {}

    def text_of(index: int) -> Optional[str]:
        if index not in texts:
            texts[index] = _current_text(paths[index], results[index])
        return texts[index]

    folders = {i: package_folder(os.fspath(paths[i])) for i in manifests}
    for index in manifests:
        ecosystem = ECOSYSTEMS[manifest_ecosystem(paths[index].name)]
        text = text_of(index)
        if text is None or not any(name in text.lower() for name in V1_DISTRIBUTIONS[ecosystem.name]):
            continue
        members = [j for j, path in enumerate(paths) if path.name.lower().endswith(ecosystem.sources)
                   and _belongs(os.path.abspath(path), folders[index], ecosystem.name, paths, folders)]
        codes = [text_of(j) for j in members]
        if not codes or any(code is None or ecosystem.uses_v1(code) for code in codes) \
                or not any(ecosystem.uses_v2.search(code) for code in codes):
            continue
        swapped = ecosystem.swap(text)
        if swapped is not None:
            results[index] = _swapped(paths[index], results[index], text, swapped[0], swapped[1], write)
    return results


def _belongs(path: str, folder: str, ecosystem: str, paths, folders: Dict[int, str]) -> bool:
    """``path`` is under ``folder`` and no nearer manifest of the same ecosystem owns it."""
    if not path.startswith(folder.rstrip(os.sep) + os.sep):
        return False
    nearer = os.path.dirname(path)
    while len(nearer) > len(folder):
        if ecosystem == "npm" and os.path.exists(os.path.join(nearer, "package.json")):
            return False
        if any(f == nearer for i, f in folders.items() if manifest_ecosystem(paths[i].name) == ecosystem):
            return False
        nearer = os.path.dirname(nearer)
    return True


def _current_text(path: Path, result) -> Optional[str]:
    from migrate.files import decode_source, read_regular_file

    try:
        data = result.new if result.new is not None else read_regular_file(path)
        return None if data is None else decode_source(data)
    except (OSError, UnicodeDecodeError):
        return None


def _swapped(path: Path, result, text: str, new_text: str, lines: List[int], write: bool):
    from migrate.files import FileChangedError, atomic_write, encode_like, read_regular_file

    on_disk = read_regular_file(path) if write or not result.original else result.original
    new = encode_like(new_text, on_disk or b"")
    todos = new_text.count(TODO_MARKER)
    applied = tuple(a for a in result.applied if a != "todo" or todos) + (f"{result.language}:dependency",)
    changes = dict(status="changed", new=new, applied=applied, todos=todos, sites=None,  # sites: counted again
                   unmarked=tuple(u for u in result.unmarked if u[0] not in lines))
    if not result.original:
        changes["original"] = on_disk or b""
    if write:
        try:
            atomic_write(os.path.realpath(path), new, expected=on_disk)
            changes["written"] = True
        except (FileChangedError, OSError):
            return result  # left as the rewrite made it (the TODO or summary line stands)
    return dataclasses.replace(result, **changes)
