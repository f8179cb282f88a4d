"""JSON Schemas of the data files, for editors (yaml-language-server) and for review.

They are generated from the same typed models the loader validates with, so the two cannot
say different things: `python -m generator schema` rewrites schema/, and a test fails when
the committed files differ from the models.
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import model

FILES: dict[str, type[BaseModel]] = {
    "site": model.Site, "front": model.Front, "chapter": model.Chapter, "glossary": model.Glossary,
    "closing": model.Closing, "hk-overrides": model.HkOverrides, "terms": model.TermList,
    "about": model.Editorial, "key-terms": model.KeyTerms, "indicators": model.Indicators,
    "projects": model.Projects,
}


def schemas() -> dict[str, str]:
    out = {}
    for name, kind in FILES.items():
        schema = kind.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{name}.yaml" if name != "chapter" else "data/chapter-N.yaml"
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write(folder: Path) -> list[str]:
    folder.mkdir(exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(schemas())
