"""File discovery and safe writes, shared by ``scan`` and ``rewrite``.

Discovery walks the given paths, honours ``.gitignore`` files (every one from the walk root
down, plus ``.git/info/exclude``), skips VCS and virtual-env folders, and keeps dotfiles such as
``.env.example``. Writes are atomic and keep line endings (we write bytes) and file mode.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional, Sequence

import pathspec

# Folders never worth walking: VCS metadata and caches. Virtual envs are detected by pyvenv.cfg.
ALWAYS_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".mypy_cache", ".pytest_cache",
                              ".ruff_cache", ".tox", ".nox"})
BINARY_SNIFF = 8192


def _load_ignore(dirpath: str) -> Optional[pathspec.PathSpec]:
    lines: List[str] = []
    for name in (".gitignore", os.path.join(".git", "info", "exclude")):
        try:
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as fh:
                lines.extend(fh.read().splitlines())
        except OSError:
            continue
    if not lines:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)  # git's own semantics (last match wins)


def iter_files(
    paths: Sequence[os.PathLike | str],
    *,
    exclude: Optional[pathspec.PathSpec] = None,
    respect_gitignore: bool = True,
) -> Iterator[Path]:
    """Yield every regular file under ``paths`` (files given explicitly are always yielded).

    ``exclude`` is matched against paths relative to each walk root ('/'-separated).
    Symlinked folders are not followed (no cycles, no walking out of the tree).
    """
    for path in iter_file_paths(paths, exclude=exclude, respect_gitignore=respect_gitignore):
        yield Path(path)


def iter_file_paths(
    paths: Sequence[os.PathLike | str],
    *,
    exclude: Optional[pathspec.PathSpec] = None,
    respect_gitignore: bool = True,
    on_error: Optional[Callable[[str, OSError], None]] = None,
) -> Iterator[str]:
    """``iter_files`` as plain strings: building a ``Path`` per file costs more than the walk
    itself on big trees (the scanner uses this). ``on_error(folder, exc)`` hears about folders
    that cannot be listed (they are skipped either way)."""
    for root in paths:
        root = Path(root)
        if root.is_file():
            yield os.fspath(root)
            continue
        if not root.is_dir():
            raise FileNotFoundError(f"{root}: no such file or directory")
        # Stack of (dir, [(base_dir, spec), ...]) so nested .gitignore files apply below them.
        stack = [(str(root), [])]
        while stack:
            dirpath, specs = stack.pop()
            try:
                entries = sorted(os.scandir(dirpath), key=lambda e: e.name)
            except OSError as exc:
                if on_error is not None:
                    on_error(dirpath, exc)
                continue
            # The listing tells which ignore files exist: no failed open() per folder, and a
            # virtual env (pyvenv.cfg) is recognised without a stat per subfolder.
            names = {entry.name for entry in entries}
            if "pyvenv.cfg" in names and dirpath != str(root):
                continue
            if respect_gitignore and (".gitignore" in names or ".git" in names):
                spec = _load_ignore(dirpath)
                if spec is not None:
                    specs = specs + [(dirpath, spec)]
            subdirs = []
            for entry in entries:
                is_dir = entry.is_dir(follow_symlinks=False)
                if is_dir and entry.name in ALWAYS_SKIP_DIRS:
                    continue
                if exclude is not None:  # relpath per entry only when there is something to match
                    rel_root = os.path.relpath(entry.path, root).replace(os.sep, "/")
                    if exclude.match_file(rel_root + "/" if is_dir else rel_root):
                        continue
                if any(s.match_file(os.path.relpath(entry.path, base).replace(os.sep, "/")
                                    + ("/" if is_dir else "")) for base, s in specs):
                    continue
                if is_dir:
                    subdirs.append((entry.path, specs))
                elif entry.is_file(follow_symlinks=False):
                    yield entry.path
            stack.extend(reversed(subdirs))


def is_binary(data: bytes) -> bool:
    """Git's heuristic: a NUL byte in the first 8 KiB."""
    return b"\0" in data[:BINARY_SNIFF]


def display_path(path: os.PathLike | str) -> str:
    """Path relative to the current directory when below it, '/'-separated."""
    p = os.path.abspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:  # another drive on Windows
        return p.replace(os.sep, "/")
    return (p if rel.startswith("..") else rel).replace(os.sep, "/")


def atomic_write(path: os.PathLike | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    A temp file in the same folder is written, flushed, given the original mode and renamed over
    the original; on any failure the original is untouched. Read-only files raise
    ``PermissionError`` instead of being silently made writable.
    """
    path = os.fspath(path)
    st = os.stat(path)
    # The mode bits, not os.access: root may write anything, but a file its owner marked
    # read-only (chmod a-w) is one we must not silently replace, whoever runs us.
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise PermissionError(f"{path}: file is read-only")
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".prelude-migrate-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def decode_source(data: bytes) -> str:
    """Decode a source file as UTF-8 (BOM allowed); raises UnicodeDecodeError otherwise.
    Line endings are kept as they are (no universal-newline translation)."""
    return data.decode("utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")


def encode_like(text: str, original: bytes) -> bytes:
    """Encode ``text`` the way ``original`` was encoded (UTF-8, keeping a BOM)."""
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    return bom + text.encode("utf-8")


def count_lines(paths: Iterable[Path]) -> int:
    total = 0
    for p in paths:
        with open(p, "rb") as fh:
            total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 16), b""))
    return total
