"""The ``argmap`` command: a thin layer that parses arguments and calls the API.

Each command is a module here with ``HELP``, ``add_arguments(parser)`` and
``run(args, out, err) -> int``; :data:`COMMANDS` lists them in the order
``argmap --help`` shows them. Exit codes: 0 fine, 1 the input has errors,
2 the command was called wrongly.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TextIO

from argmap.cli.common import UsageError

__all__ = ["main", "COMMANDS"]

COMMANDS = ("check", "fmt", "evaluate", "compare", "export", "render", "outline")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit code 2, one clear line, no traceback
        self.print_usage(sys.stderr)
        print(f"argmap: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from argmap import __version__

    parser = _Parser(
        prog="argmap",
        description="Argument maps from plain text: check, evaluate and draw them.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"argmap.cli.{name}")
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "_run", None):
        parser.print_help(err)
        return 2
    try:
        return args._run(args, out, err)
    except UsageError as exc:
        print(f"argmap {args.command}: error: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
