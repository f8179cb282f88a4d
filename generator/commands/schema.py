"""JSON Schemas of the data files, for editors (yaml-language-server) and for review.

The loader checks every data file against these committed files (generator/read/validate.py),
then builds the typed models from it. The files are generated from those same models, so the
two cannot say different things: `python -m generator schema` rewrites schema/, and a test
fails when the committed files differ from the models.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..model import plan as model



def schemas() -> dict[str, str]:
    out = {}
    for name, kind in model.FILES.items():
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
