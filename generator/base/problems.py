"""Problems found in the data, reported as `data/FILE.yaml:LINE: message`.

Maintainers edit YAML, not Python: every mistake must reach them as one readable line that
names the file and line, never as a traceback. Problems are collected, not raised one by one,
so that one run reports everything that is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one data file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised once, after loading, when any problem was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(Exception):
    """A step after validation failed (MkDocs warnings in strict mode, file system errors)."""
