"""The committed JSON Schemas are the loader's own models, and every data file points at one."""
import re

from generator.commands.schema import schemas

from tests.conftest import REPO


def test_committed_schemas_match_the_models():
    for name, text in schemas().items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is out of date: run `python -m generator schema`"


def test_every_data_file_names_its_schema_for_editors():
    for path in sorted((REPO / "data").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=\.\./schema/([\w-]+\.schema\.json)", first)
        assert m and (REPO / "schema" / m.group(1)).is_file(), path.name
