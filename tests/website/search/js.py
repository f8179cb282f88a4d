"""Run the search script's engine (generator/website/theme/assets/javascripts/plan-search.js) under Node."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "generator" / "website" / "theme" / "assets" / "javascripts" / "plan-search.js"


def node() -> str:
    path = shutil.which("node") or shutil.which("nodejs")
    if not path:
        raise RuntimeError("Node.js is not installed: run `make test` (tests/setup-system.sh installs it)")
    return path


def call(expression: str, **values) -> object:
    """Evaluate `expression` with `PS` (the engine's exports) and each of `values` (as JSON) in scope."""
    prelude = "".join(f"const {k} = {json.dumps(v, ensure_ascii=False)};\n" for k, v in values.items())
    program = (f"const PS = require({json.dumps(str(SCRIPT))});\n{prelude}"
               f"process.stdout.write(JSON.stringify(({expression})));")
    done = subprocess.run([node(), "-e", program], capture_output=True, text=True, timeout=60)
    if done.returncode:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
