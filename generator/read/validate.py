"""Check each parsed data file against its committed JSON Schema (schema/NAME.schema.json).

The schema files are what editors (yaml-language-server) check while a maintainer types, so
the loader checks the very same files: a key the editor accepts is a key the build accepts.
(The schemas are generated from the typed models, and a test fails if they drift apart; the
models then add what a schema cannot say, such as a date that must match its printed form.)
Messages are in the maintainer's words, shared with the model checks in load.py.
"""
from __future__ import annotations

import datetime
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..base import cache
from ..model import plan as model
from ..base.problems import Problem
from .yamlfile import YamlFile

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


@lru_cache(maxsize=None)
def validator(schema: bytes) -> "Draft202012Validator":
    """The validator of one schema (jsonschema is imported only when a file needs checking)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(schema))


def check(src: YamlFile, schema_file: Path, schema_name: str) -> list[Problem]:
    """Every schema violation in `src`, one problem each, with file, line and what to do.

    A file that passed this very schema before (same bytes, same schema) is not checked again.
    """
    try:
        schema = schema_file.read_bytes()
        passed = cache.key("read/validate.py", schema, src.digest)
        if src.digest and cache.get(passed) is True:
            return []
        check_with = validator(schema)
    except (OSError, ValueError) as err:  # missing, unreadable or invalid schema file
        return [Problem(schema_name, 1, f"the schema file cannot be used ({type(err).__name__}): restore it with "
                        "`git checkout -- schema/` or regenerate it with `python -m generator schema`")]
    problems: list[Problem] = []
    for error in check_with.iter_errors(_as_json(src.data)):
        for leaf in _leaves(error):
            problems.extend(_explain(leaf, src))
    if not problems and src.digest:
        cache.put(passed, True)
    return sorted(set(problems))


def _as_json(value: Any) -> Any:
    """YAML reads 2011-12-23 as a date; JSON Schema describes it as a string (format: date)."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """An `X or null` (anyOf) error is really the error inside X: report that one."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        yield error
        return
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    real = [errs for i, errs in branches.items() if error.validator_value[i] != {"type": "null"}]
    if error.instance is None:
        yield error
    elif len(real) == 1:
        for sub in real[0]:
            yield from _leaves(sub)
    else:
        from jsonschema.exceptions import best_match

        chosen = best_match(error.context)
        yield from _leaves(chosen) if chosen is not None else [error]


def _explain(error: ValidationError, src: YamlFile) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    where = nearest_id(src.data, path)
    where = f" (in `{where}`)" if where else ""
    instance, value = error.instance, error.validator_value
    if error.validator == "required":
        for name in value:
            if isinstance(instance, dict) and name not in instance:
                yield Problem(src.name, src.line_of(path + (name,)), message("missing", name) + where)
        return
    if error.validator == "additionalProperties" and value is False:
        known = set(error.schema.get("properties", {}))
        for key in instance:
            if key not in known:
                yield Problem(src.name, src.line_of(path + (key,)), message("extra_forbidden", str(key)) + where)
        return
    field = next((str(p) for p in reversed(path) if isinstance(p, str)), "value")
    if "propertyNames" in error.relative_schema_path:
        allowed = _choices(value if error.validator == "enum" else [])
        text = (f"unknown key `{instance}` under `{field}`: use " + (f"one of: {allowed}" if allowed else
                "lowercase letters, digits and _"))
        yield Problem(src.name, src.line_of(path + (instance,)), text + where)
        return
    kind, detail = _KINDS.get((error.validator, str(value)), _KINDS.get((error.validator, ""), ("", "")))
    if error.validator in ("enum", "const"):
        detail = _choices(value if error.validator == "enum" else [value])
    elif error.validator in ("minimum", "maximum", "maxLength", "pattern"):
        detail = str(value)
    text = message(kind, field, detail) if kind else f"`{field}`: {error.message}"
    yield Problem(src.name, src.line_of(path), text + where)


_KINDS: dict[tuple[str, str], tuple[str, str]] = {
    ("type", "string"): ("string_type", ""),
    ("type", "array"): ("list_type", ""),
    ("type", "object"): ("dict_type", ""),
    ("type", "integer"): ("int_type", ""),
    ("type", "number"): ("float_type", ""),
    ("type", "boolean"): ("bool_type", ""),
    ("minLength", "1"): ("string_too_short", ""),
    ("maxLength", ""): ("string_too_long", ""),
    ("pattern", ""): ("string_pattern_mismatch", ""),
    ("enum", ""): ("literal_error", ""),
    ("const", ""): ("literal_error", ""),
    ("minItems", "1"): ("too_short", ""),
    ("minimum", ""): ("greater_than_equal", ""),
    ("maximum", ""): ("less_than_equal", ""),
}


def _choices(values: list[Any]) -> str:
    """'a', 'b' or 'c' (the way pydantic lists allowed values)."""
    quoted = [f"'{v}'" for v in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


# what a value that must have a given form (a pattern of generator/model/plan.py) should look like
_FORMS = {
    model.ID_PATTERN: "must use lowercase letters, digits and hyphens, starting with a letter (e.g. ch3-s2-p9)",
    model.FINGERPRINT: ("must be the 8-character fingerprint that `python -m generator translated ID` writes: run "
                        "that command rather than typing it"),
    model.KEY: "is not a valid key: use lowercase letters, digits and _, starting with a letter",
    model.CODE: "must use lowercase letters and _ (e.g. percent)",
    model.FILE_NAME: "must be a file name: letters, digits, dots, hyphens and _",
    model.HTTPS: "must be the address of the page, starting with https://",
    model.GOV_HK: "must be the address of a Hong Kong government page (https://….gov.hk/…)",
    model.WEB_ADDRESS: "must be a web address starting with http:// or https://, without spaces",
    model.SITE_URL: "must be a full address ending in /, e.g. https://example.github.io/plan/",
    model.BASE_PATH: "must start and end with /, e.g. /plan/ (or / at the root of a domain)",
    model.REPOSITORY_URL: "must be the repository's full address, e.g. https://github.com/OWNER/NAME, without a / at "
                          "the end",
}


def message(kind: str, field: str, detail: str = "") -> str:
    """What a maintainer reads for one kind of mistake (kinds are pydantic's error types)."""
    messages = {
        "missing": f"`{field}` is missing: add it (the comment at the top of the file lists the fields)",
        "extra_forbidden": f"unknown key `{field}`: check its spelling against the comment at the top of the file",
        "string_type": f"`{field}` must be text: put the value in double quotes",
        "string_too_short": f"`{field}` is empty: write the text, or remove the entry",
        "string_too_long": f"`{field}` is too long: use at most {detail} characters",
        "string_pattern_mismatch": f"`{field}` " + _FORMS.get(detail, f"does not have the form it needs ({detail})"),
        "date_type": f"`{field}` must be a date written YYYY-MM-DD, without quotes",
        "list_type": f"`{field}` must be a list: one entry per line, each starting with `- `",
        "model_type": f"`{field}` must be a group of `key: value` lines, indented under it",
        "dict_type": f"`{field}` must be a group of `key: value` lines, indented under it",
        "too_short": f"`{field}` needs at least one entry",
        "int_type": f"`{field}` must be a whole number, without quotes",
        "float_type": f"`{field}` must be a number, without quotes (e.g. 82.4)",
        "bool_type": f"`{field}` must be true or false, without quotes",
        "literal_error": f"`{field}` must be one of: {detail}",
        "greater_than_equal": f"`{field}` must be {detail or 1} or more",
        "less_than_equal": f"`{field}` must be {detail} or less",
    }
    return messages.get(kind, f"`{field}`: {detail}")


def nearest_id(data: Any, loc: tuple) -> str | None:
    """The id of the innermost entry around `loc`, so a message says which paragraph it is about."""
    found = None
    for part in loc:
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found = data["id"]
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            break
    return found
