"""`python -m generator translated ID … | --all`: record that English blocks were re-checked.

Each English block stores `source:`, a fingerprint of the Chinese it translates. After a
maintainer has re-read a stale translation against the changed Chinese, this command writes
the current fingerprint, so the block is no longer reported as stale. Only that one line of
the YAML file changes; comments and layout stay as they are.
"""
from __future__ import annotations

from pathlib import Path

from .load import load_plan
from .translation import objects as translation_objects
from .translation import source_hash
from .yamlfile import read


def stamp(data_dir: Path, ids: list[str] | None) -> list[str]:
    """Write the current fingerprint into the English of `ids` (all English blocks if None)."""
    plan = load_plan(data_dir)
    objects = {ident: obj for _, ident, obj, _ in translation_objects(plan, editorial=True)}
    wanted = set(objects) if ids is None else set(ids)
    unknown = wanted - set(objects)
    if unknown:
        raise SystemExit(f"unknown id(s): {', '.join(sorted(unknown))}")
    done = []
    for path in sorted(p for p in data_dir.glob("*.yaml") if p.name not in ("site.yaml", "terms.yaml", "indicators.yaml")):
        problems: list = []
        src = read(path, path.name, problems)
        if src is None:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        edits: list[tuple[int, str, bool]] = []  # (line index, text, replace?)
        for key_path, line in src.lines.items():
            if not key_path or key_path[-1] != "en":
                continue
            owner = src.data
            for part in key_path[:-1]:
                owner = owner[part]
            if not isinstance(owner, dict) or "zh-Hans" in owner:
                continue
            ident = owner.get("id") or ("front" if path.name == "front.yaml" and key_path == ("en",) else None)
            if ident not in wanted or ident not in objects or not getattr(objects[ident], "en", None):
                continue
            stamp_line = " " * (len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 2) + \
                f'source: "{source_hash(objects[ident])}"'
            existing = src.lines.get(key_path + ("source",))
            edits.append((existing - 1 if existing else line, stamp_line, bool(existing)))
            done.append(ident)
        for index, text, replace in sorted(edits, reverse=True):
            if replace:
                lines[index] = text
            else:
                lines.insert(index, text)
        if edits:
            path.write_text("\n".join(lines), encoding="utf-8")
    return done
