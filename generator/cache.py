"""Results that depend only on file contents, remembered between runs (system temporary folder).

`make check`, `make serve` and every build validate files that rarely change. Two results are
slow to recompute and cheap to remember: "this file passes its schema" (jsonschema: ~0.2 s
with its import) and the effect of each Hong Kong override (OpenCC's dictionaries: ~0.2 s to
load). An entry's name is a hash of everything the result depends on (the inputs, our code
that computes it, and the pinned library versions in requirements.txt), so a changed input
gives a new name and a stale entry is never read. Deleting the folder only costs time.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

FOLDER = Path(tempfile.gettempdir()) / f"shenzhen-plan-cache-{os.getuid() if hasattr(os, 'getuid') else 0}"
_CODE = Path(__file__).resolve().parent


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


def get(name: str) -> Any | None:
    try:
        return json.loads((FOLDER / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def put(name: str, value: Any) -> None:
    """Best effort: a read-only or full disk only means the result is computed next time too."""
    try:
        FOLDER.mkdir(mode=0o700, exist_ok=True)
        temporary = FOLDER / f".{name}.{os.getpid()}"
        temporary.write_text(json.dumps(value), encoding="utf-8")
        os.replace(temporary, FOLDER / name)
    except OSError:
        pass
