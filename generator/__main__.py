"""Command line: `python -m generator [build|check|serve|translated|schema|convert]`.

Maintainers see one line per problem and an exit status, never a traceback. Each command
imports only what it needs, so that `check` answers in well under a second.
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402 - after the clock starts, so `check` reports its whole time
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from .base.problems import BuildError, DataError  # noqa: E402
from .base.atomic import BuildRunning  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def check(root: Path) -> int:
    from .derive.hongkong.convert import check_overrides
    from .read import translation
    from .read.load import load_plan

    plan = load_plan(root / "data")
    check_overrides(plan, root / "data")
    paragraphs = sum(len(s.paragraphs) for c in plan.chapters for s in c.sections) + sum(
        len(c.paragraphs) for c in plan.chapters)
    from .commands import guard

    for finding in guard.scan(root / "data", plan):
        print(f"warning: {finding}")
    stale = [u.id for u in translation.units(plan, editorial=True) if u.stale]
    for ident in stale:
        print(f"warning: the Chinese of `{ident}` has changed since its English was written: re-check the "
              f"English, then run `python -m generator translated {ident}`")
    print(f"data OK: {len(plan.chapters)} chapters, {paragraphs} chapter paragraphs, "
          f"{len(plan.glossary.terms)} glossary terms, {len(stale)} stale translation(s) "
          f"({(time.perf_counter() - STARTED) * 1000:.0f} ms)")
    return 0


def convert(root: Path) -> int:
    """Simplified text on standard input → the Hong Kong text the site would publish, line by line."""
    from .derive.hongkong.convert import HongKongConverter, check_overrides
    from .read.load import load_plan

    plan = load_plan(root / "data")
    check_overrides(plan, root / "data")
    converter = HongKongConverter.for_plan(plan)
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        print(f"standard input, line {line}: the text is not UTF-8: save or paste it as UTF-8; nothing was converted",
              file=sys.stderr)
        return 1
    sys.stdout.write("\n".join(converter(line) for line in text.split("\n")))
    return 0


def do_build(root: Path, make_pdfs: bool = True, wait: bool = True) -> int:
    from .build import build

    times = build(root, log=lambda line: print(line, flush=True), make_pdfs=make_pdfs, wait=wait)
    total = sum(times.values())
    steps = ", ".join(f"{k} {v:.2f}s" for k, v in times.items())
    print(f"site built in {total:.2f}s ({steps}): {root / 'site'}")
    return 0


def serve(root: Path, port: int) -> int:
    import os

    from .incremental import Preview, Superseded
    from .commands.preview import serve as preview

    # PLAN_PREVIEW_FULL=1: a whole build on every save, as before issue 26 (for comparison: bench/run.py)
    builder = Preview(root, log=lambda line: print(line, flush=True),
                      whole_only=os.environ.get("PLAN_PREVIEW_FULL", "") not in ("", "0"))

    def build_once(shown: str, expected: dict[str, bytes] | None, waiting, valid) -> list[str] | None:
        """One update: [] when it published, its problems when it failed (printed here, and shown
        by the preview over the open page), None when a save during the update supersedes it.

        Whatever goes wrong in an update (even a fault of the generator itself) is printed and
        the preview goes on, serving the previous site/: a maintainer fixes the data and saves
        again. PDFs are made only by `make` (see generator/render/pdf/).
        """
        try:
            print(builder.build(shown, expected, waiting, valid), flush=True)
            return []
        except Superseded:  # a save was in progress while the files were read: its own update follows
            return None
        except (DataError, BuildError) as err:
            lines = problem_lines(err, root / "site")
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:  # noqa: BLE001 - the preview must outlive any failed build
            served = "the previous site/ is still served" if (root / "site").is_dir() else "there is no site/ yet"
            lines = [f"the build failed ({type(err).__name__}: {err}); {served}. Save a data file to try again."]
        print("\n".join(lines), file=sys.stderr, flush=True)
        return lines

    return preview(root, port, build_once)


def problem_lines(err: DataError | BuildError, site: Path) -> list[str]:
    """What a failed build tells the maintainer, a line each: `data/FILE.yaml:LINE: …` per problem
    of the data and what became of `site` (printed by every command, shown by the preview's page):
    unchanged, or, before any build made one, still missing."""
    kept = "the previous site/ is unchanged" if site.is_dir() else "there is no site/ yet: no build has made one"
    if isinstance(err, DataError):
        return [*map(str, err.problems), f"{len(err.problems)} problem(s) in data/: nothing was built; {kept}."]
    if isinstance(err, BuildRunning):
        return [str(err)]
    return [str(err), f"nothing was published: {kept}."]


def report(err: DataError | BuildError, site: Path) -> None:
    print("\n".join(problem_lines(err, site)), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["build", "check", "serve", "translated", "schema", "convert"], nargs="?", default="build")
    parser.add_argument("ids", nargs="*", help="with `translated`: the ids whose English was re-checked")
    parser.add_argument("--all", action="store_true", help="with `translated`: every English block")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-wait", action="store_true",
                        help="with `build`: exit at once if another build is running, instead of waiting")
    args = parser.parse_args(argv)
    args.root = args.root.resolve()  # a relative --root would be read from MkDocs' own folders
    try:
        if args.command == "check":
            return check(args.root)
        if args.command == "translated":
            from .commands.stamp import stamp

            if not args.ids and not args.all:
                parser.error("name the ids whose English you re-checked, or --all")
            try:
                done = stamp(args.root / "data", None if args.all else args.ids)
            except DataError as err:
                for problem in err.problems:
                    print(problem, file=sys.stderr)
                print("the file(s) named above were left as they were", file=sys.stderr)
                return 1
            print(f"recorded the current Chinese for {len(done)} English block(s)")
            return 0
        if args.command == "schema":
            from .commands.schema import write

            print("wrote", ", ".join(write(args.root / "schema")))
            return 0
        if args.command == "convert":
            return convert(args.root)
        if args.command == "serve":
            return serve(args.root, args.port)
        return do_build(args.root, wait=not args.no_wait)
    except (DataError, BuildError) as err:
        report(err, args.root / "site")
        return 1


if __name__ == "__main__":
    sys.exit(main())
