"""The ``argmap`` command: a thin layer that parses arguments and calls the API.

Each command is a module here with ``HELP``, ``add_arguments(parser)`` and
``run(args, out, err) -> int``; :data:`COMMANDS` lists them in the order
``argmap --help`` shows them. Exit codes: 0 fine, 1 the input has errors
(or the output could not be written), 2 the command was called wrongly,
130 Ctrl-C, 143 SIGTERM, 141 the reader of standard output went away
(``argmap export m.argmap | head -1``), which ends the command quietly, as
it ends any Unix tool.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
import threading
from typing import TextIO

from argmap.cli.common import UsageError

__all__ = ["main", "COMMANDS"]

COMMANDS = ("check", "fmt", "evaluate", "compare", "export", "render", "outline", "worksheet", "steps")


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


class _Stopped(BaseException):
    """A signal asked the command to stop: unwinds like Ctrl-C, so that
    every ``finally`` runs (and removes temporary files)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _stop_on_sigterm():
    """SIGTERM (and SIGHUP) raise :class:`_Stopped` while the command runs;
    the earlier handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}

    def stop(signum, frame):
        raise _Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            saved[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    command = "argmap"
    try:
        with _stop_on_sigterm():
            parser = build_parser()
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:
                return int(exc.code or 0)
            if not getattr(args, "_run", None):
                parser.print_help(err)
                return 2
            command = f"argmap {args.command}"
            try:
                code = args._run(args, out, err)
            except UsageError as exc:
                print(f"{command}: error: {exc}", file=err)
                code = 2
            out.flush()  # here, not at exit, so that a failing write is reported
            return code
    except KeyboardInterrupt:
        return 130
    except _Stopped as exc:
        return 128 + exc.signum
    except BrokenPipeError:
        _discard(out)
        return 141
    except UnicodeEncodeError as exc:
        # Standard output set to an encoding that cannot hold the map's text.
        _discard(out)
        with contextlib.suppress(OSError, ValueError):
            print(
                f"{command}: error: the output's encoding ({exc.encoding}) cannot hold"
                f" {exc.object[exc.start:exc.end]!r}; set PYTHONIOENCODING=utf-8, or write to a file with -o",
                file=err,
            )
        return 1
    except OSError as exc:
        # Not a file the command writes (commands report those themselves):
        # standard output on a full disk, a device that failed, a closed stream.
        _discard(out)
        where = f" `{exc.filename}`" if exc.filename else " the output"
        with contextlib.suppress(OSError, ValueError):
            print(f"{command}: error: cannot write{where}: {exc.strerror or exc}", file=err)
            err.flush()
        return 1


def _discard(stream: TextIO) -> None:
    """Point ``stream`` (standard output) at the null device, so that what is
    still buffered cannot fail again when Python flushes it at exit (the
    recipe of Python's documentation for SIGPIPE)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
