"""Writes that are all or nothing: the build lock, the swap of a folder, the rewrite of a file.

A maintainer's machine runs `make` in one terminal while `make serve` rebuilds in another, and
a build or an edit may be killed at any moment (Ctrl+C, a closed laptop). Whatever happens,
`site/`, `docs/` and every data file are either the old version or the new one, complete.

- One build at a time: an OS file lock (the `filelock` library: `flock(2)` on Unix, released by
  the kernel when its holder dies, so a killed build never leaves a stale lock) guards the
  build; the holder's pid is written beside it so that a second build can say who it waits for.
- Folders are published with one atomic step where the kernel offers it (Linux `renameat2`
  with RENAME_EXCHANGE swaps the new folder and the old one in one call); elsewhere with two
  renames through a fixed name (`site.new` → `site`), and `repair()` at the start of the next
  build finishes or undoes a swap that was interrupted between them.
- A file is rewritten by writing a temporary file in the same folder, flushing it to disk,
  then renaming it over the original (rename within a folder is atomic on POSIX).
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from .problems import BuildError

LOCK = ".build.lock"
PID = ".build.pid"
STAGING_PREFIX = ".staging-"  # each build's own temporary folders: <root>/.staging-<random>/


class BuildRunning(BuildError):
    """Another build holds the lock and the caller asked not to wait."""


def _holder(root: Path) -> str:
    try:
        return (root / PID).read_text(encoding="ascii").strip() or "unknown"
    except OSError:
        return "unknown"


@contextlib.contextmanager
def build_lock(root: Path, wait: bool = True, log: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the build lock of `root` for the duration of the block.

    wait=False: raise BuildRunning("another build is running (pid N)") at once if it is held;
    wait=True: say so once through `log`, then wait until the other build ends.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(str(root / LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        message = f"another build is running (pid {_holder(root)})"
        if not wait:
            raise BuildRunning(message) from None
        log(f"{message}: waiting for it to finish")
        lock.acquire()
    try:
        write_text(root / PID, f"{os.getpid()}\n")
        yield
    finally:
        with contextlib.suppress(OSError):
            (root / PID).unlink()
        lock.release()


def staging_folder(root: Path) -> Path:
    """A new, empty temporary folder for one build, beside site/ (same file system: renames stay atomic)."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))


def _renameat2() -> Callable | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        return libc.renameat2
    except (OSError, AttributeError):
        return None


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step (Linux renameat2); False where not supported."""
    call = _renameat2()
    if call is None:
        return False
    return call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def publish(new: Path, target: Path) -> None:
    """Make the complete folder `new` the folder `target`; the previous `target` is deleted.

    At every instant `target` is the old or the new folder (atomic exchange), or, on systems
    without it, a kill between the two renames leaves `target.new` (complete) for repair().
    """
    if target.exists() and exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old folder
        return
    pending, old = _pending(target), _old(target)
    shutil.rmtree(pending, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    new.rename(pending)            # complete, under the name repair() trusts
    if target.exists():
        target.rename(old)
    pending.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _pending(target: Path) -> Path:
    return target.with_name(target.name + ".new")


def _old(target: Path) -> Path:
    return target.with_name(target.name + ".old")


def repair(root: Path, targets: tuple[str, ...] = ("site", "docs")) -> list[str]:
    """Finish or undo a swap that a kill interrupted, and delete abandoned staging folders.

    Call it holding the build lock. `X.new` exists only complete (it is renamed to that name
    after it was fully written), so a missing `X` is restored from it, else from `X.old`.
    Returns what was done, one sentence each.
    """
    done = []
    for name in targets:
        target, pending, old = root / name, _pending(root / name), _old(root / name)
        if not target.exists():
            for source in (pending, old):
                if source.is_dir():
                    source.rename(target)
                    done.append(f"{name}/ was restored from {source.name}/ (a build was stopped while "
                                "publishing)")
                    break
        for leftover in (pending, old):
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in root.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    return done


def write_text(path: Path, text: str) -> None:
    """Replace the file `path` with `text` (UTF-8, line endings as they are in `text`) atomically.

    Raises OSError, and then nothing was written.
    """
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Replace the file `path` with `data` atomically: temporary file in the same folder, fsync, rename.

    A symbolic link is followed: the file it points at is replaced and the link stays a link.
    (A hard link cannot be kept by a rename: the other name keeps the old content.)
    """
    path = Path(os.path.realpath(path))
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
