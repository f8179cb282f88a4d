"""Results that depend only on file contents, remembered between runs (system temporary folder).

`make check`, `make serve` and every build validate files that rarely change. Two results are
slow to recompute and cheap to remember: "this file passes its schema" (jsonschema: ~0.2 s
with its import) and the effect of each Hong Kong override (OpenCC's dictionaries: ~0.2 s to
load). An entry's name is a hash of everything the result depends on (the inputs, our code
that computes it, and the pinned library versions in requirements.txt), so a changed input
gives a new name and a stale entry is never read. Deleting the folder only costs time.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

FOLDER = Path(tempfile.gettempdir()) / f"shenzhen-plan-cache-{os.getuid() if hasattr(os, 'getuid') else 0}"
_CODE = Path(__file__).resolve().parent.parent  # generator/: keys name modules relative to it


@lru_cache(maxsize=None)
def _code_hash(module: str) -> bytes:
    """Our code behind a result and the pinned library versions."""
    digest = hashlib.sha256((_CODE / module).read_bytes())
    requirements = _CODE.parent / "requirements.txt"
    if requirements.is_file():
        digest.update(requirements.read_bytes())
    return digest.digest()


def key(module: str, *parts: bytes | str) -> str:
    """The entry name for a result computed by generator/`module` from `parts`."""
    digest = hashlib.sha256(_code_hash(module))
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def get_bytes(path: Path) -> bytes | None:
    """The bytes stored at `path` (an entry of FOLDER or a folder in it), or None if there are none.

    Reading an entry marks it as recently used, so that `put_bytes(..., keep=N)` evicts the others first.
    """
    try:
        data = path.read_bytes()
        os.utime(path)
        return data
    except OSError:
        return None


def put_bytes(path: Path, data: bytes, keep: int | None = None) -> None:
    """Store `data` at `path` atomically (a reader never sees half an entry).

    keep=N: afterwards, only the N most recently used entries with the same suffix in that folder
    remain. Best effort: a read-only or full disk only means the result is computed next time too.
    """
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        if keep is not None:
            entries = sorted(path.parent.glob(f"*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[keep:]:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def get(name: str) -> Any | None:
    """The JSON value stored under `name` (a `key`), or None."""
    data = get_bytes(FOLDER / name)
    try:
        return json.loads(data.decode("utf-8")) if data is not None else None
    except ValueError:
        return None


def put(name: str, value: Any) -> None:
    """Store a JSON value under `name` (a `key`); best effort, like put_bytes."""
    put_bytes(FOLDER / name, json.dumps(value).encode("utf-8"))


@contextlib.contextmanager
def one_at_a_time(folder: Path) -> Iterator[None]:
    """Hold the lock of the cache folder `folder` (FOLDER or a folder in it) for the block.

    Processes that would compute the same slow entries (two builds, or test workers, making the same
    PDFs) take turns, and the later ones find the entries stored: look again inside the block. An OS
    file lock (filelock: flock), released by the kernel if its holder is killed. Best effort, like
    the rest of the cache: where the folder cannot be written, the block runs without a lock.
    """
    from filelock import FileLock

    lock = FileLock(str(folder / ".lock"))
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock.acquire()
    except OSError:
        lock = None
    try:
        yield
    finally:
        if lock is not None:
            lock.release()
