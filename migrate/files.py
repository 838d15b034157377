"""File discovery and safe writes, shared by ``scan`` and ``rewrite``.

Discovery walks the given paths, honours ``.gitignore`` files (every one from the walk root
down, plus ``.git/info/exclude``), skips VCS and virtual-env folders, and keeps dotfiles such as
``.env.example``. Writes are atomic and keep line endings (we write bytes) and file mode.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, Iterable, Iterator, List, Optional, Sequence

if TYPE_CHECKING:
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
    import pathspec  # only once an ignore file is found

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
            problem = path_problem(root)
            if problem is None:  # it exists but is no file: a FIFO, a socket; reported when read
                yield os.fspath(root)
                continue
            raise FileNotFoundError(problem)
        top = os.path.realpath(root)
        real_dirs: Dict[str, str] = {}
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
                elif entry.is_symlink() and _links_to_file_outside(entry.path, top, real_dirs):
                    yield entry.path  # a linked-in file; one linking inside the tree is walked as its target
            stack.extend(reversed(subdirs))


def _links_to_file_outside(path: str, top: str, real_dirs: Dict[str, str]) -> bool:
    """A symlink to a file that the walk does not reach itself: its own target (one hop) lies
    outside the tree. A link to a file inside the tree is skipped: that file is walked as is.
    ``real_dirs`` caches ``realpath`` per folder (links come in crowds: /usr/share/doc)."""
    try:
        if not os.path.isfile(path):
            return False  # dangling, a loop, or a link to a folder (folders are not followed)
        hop = os.path.join(os.path.dirname(path), os.readlink(path))
        folder = os.path.dirname(hop)
        real = real_dirs.get(folder)
        if real is None:
            real = real_dirs[folder] = os.path.realpath(folder)
        target = os.path.join(real, os.path.basename(hop))
    except OSError:
        return False
    return os.path.commonpath([target, top]) != top


def path_problem(path: os.PathLike | str) -> Optional[str]:
    """Why ``path`` cannot be used, in words ("no such file or directory", "symlink loop"), or
    None when it exists (as whatever kind of file)."""
    try:
        os.stat(path)
        return None
    except OSError as exc:
        shown = display_path(path)
        if exc.errno == errno.ELOOP:
            return f"{shown}: symlink loop"
        if os.path.islink(path):
            return f"{shown}: broken symlink (its target does not exist)"
        return f"{shown}: {exc.strerror.lower() if exc.strerror else 'no such file or directory'}"


# Formats that are binary by definition (each starts with a magic number, none is text): such a
# file is counted as binary without being opened. In a system or vendored tree they are most of
# the files (compressed man pages, images, message catalogues), and opening each costs more than
# everything else the scan does with it.
BINARY_SUFFIXES = frozenset(
    "7z a avif bmp bz2 class dll dylib eot exe flac gif gz icns ico jar jpeg jpg lz4 lzma mo mp3 "
    "mp4 o ogg otf pdf png pyc pyd pyo so tgz tif tiff ttf war wav webm webp whl woff woff2 xz "
    "zip zst".split())


def is_binary_name(path: str) -> bool:
    """Whether the name alone says binary (``BINARY_SUFFIXES``, any case; ``libfoo.so.6`` too).
    String slicing only: it runs once per walked file."""
    dot = path.rfind(".")
    if dot <= 0 or path.rfind(os.sep, dot) != -1 or path[dot - 1] in "/\\":
        return False  # no suffix, a dot in a folder name, or a dot file
    suffix = path[dot + 1:].lower()
    if suffix in BINARY_SUFFIXES:
        return True
    if not suffix.isdigit():
        return False
    head = path[:dot]  # a versioned shared object: libssl.so.3, libc.so.6.1
    while suffix.isdigit():
        dot = head.rfind(".")
        if dot <= 0 or head.rfind(os.sep, dot) != -1:
            return False
        suffix, head = head[dot + 1:].lower(), head[:dot]
    return suffix == "so"


def is_binary(data: bytes) -> bool:
    """Git's heuristic: a NUL byte in the first 8 KiB."""
    return b"\0" in data[:BINARY_SNIFF]


def display_path(path: os.PathLike | str) -> str:
    """Path relative to the current directory when below it, '/'-separated, printable: a byte of
    the name that is not UTF-8 is shown as ``\\xNN`` (a raw surrogate would crash every
    UTF-8 writer: JSON, SARIF, the terminal)."""
    p = os.path.abspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:  # another drive on Windows
        return printable(p.replace(os.sep, "/"))
    return printable((p if rel.startswith("..") else rel).replace(os.sep, "/"))


def printable(name: str) -> str:
    """``name`` with the surrogate escapes of undecodable bytes written as ``\\xNN``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


class FileChangedError(OSError):
    """The file on disk is no longer the content we read: writing would lose someone's edit."""


class FileKindError(OSError):
    """Not a regular file (a FIFO, a socket, a device): never read, never written."""


def read_regular_file(path: os.PathLike | str, max_bytes: Optional[int] = None) -> Optional[bytes]:
    """The bytes of a regular file (symlinks followed), or None when it is over ``max_bytes``.
    A FIFO would block the run forever and a device has no end: both raise FileKindError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileKindError(errno.EINVAL, f"not a regular file ({_kind(st.st_mode)}); skipped")
        if max_bytes is not None and st.st_size > max_bytes:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read()
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def atomic_write(path: os.PathLike | str, data: bytes, expected: Optional[bytes] = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits and owner.

    A temp file in the same folder is written, flushed, given the original mode (and owner and
    group, where we may set them) and renamed over the original; on any failure the original is
    untouched. Read-only files raise ``PermissionError`` instead of being silently made writable.

    ``expected``: the content the caller read. The write happens only if the file still holds
    it. On Linux the new file is swapped in with ``renameat2(RENAME_EXCHANGE)`` and the old one
    checked after the swap, so an edit made at any moment before the swap is never lost (the swap
    is undone and ``FileChangedError`` raised); elsewhere the check runs just before the rename.

    A file with several hard links is written in place instead (same inode, so every link sees
    the new content), as editors and formatters do: replacing it would split the links.
    """
    path = os.fspath(path)
    st = os.stat(path)
    folder = os.path.dirname(path) or "."
    # The mode bits, not os.access: root may write anything, but a file its owner marked
    # read-only (chmod a-w) is one we must not silently replace, whoever runs us.
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "file is read-only")
    if st.st_nlink > 1:
        _write_in_place(path, data, expected)
        return
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, "its folder is not writable (a replace needs a temp file there)")
    import tempfile  # only when a file is written

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".prelude-migrate-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        _keep_owner(tmp, st)
        if expected is not None and _exchange(tmp, path):
            if _content(tmp) != expected:  # edited before the swap: put the edit back
                _exchange(tmp, path)
                raise FileChangedError(errno.EAGAIN, "file changed while being rewritten")
            os.unlink(tmp)
            return
        if expected is not None and _content(path) != expected:
            raise FileChangedError(errno.EAGAIN, "file changed while being rewritten")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """A file owned by someone else keeps its owner (possible when we run as root); otherwise the
    group at least, where we belong to it. Never fails the write: the mode is already kept."""
    if (st.st_uid, st.st_gid) == (getattr(os, "getuid", lambda: st.st_uid)(), getattr(os, "getgid", lambda: st.st_gid)()):
        return
    for uid, gid in ((st.st_uid, st.st_gid), (-1, st.st_gid)):
        try:
            os.chown(tmp, uid, gid)
            return
        except (OSError, AttributeError):
            continue


def _write_in_place(path: str, data: bytes, expected: Optional[bytes]) -> None:
    with open(path, "r+b") as fh:
        if expected is not None and fh.read() != expected:
            raise FileChangedError(errno.EAGAIN, "file changed while being rewritten")
        fh.seek(0)
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _content(path: str) -> Optional[bytes]:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


_RENAME_EXCHANGE = 2


def _exchange(a: str, b: str) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    return False  # e.g. a file system without exchange support: fall back to the plain check


_RENAMEAT2: list = []


def _renameat2():
    if not _RENAMEAT2:
        function = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                libc = ctypes.CDLL(None, use_errno=True)
                function = libc.renameat2
                function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
                function.restype = ctypes.c_int
            except (OSError, AttributeError):
                function = None
        _RENAMEAT2.append(function)
    return _RENAMEAT2[0]


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
