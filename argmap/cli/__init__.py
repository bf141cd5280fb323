"""The ``argmap`` command: a thin layer that parses arguments and calls the API.

Each command is a module here with ``HELP``, ``add_arguments(parser)`` and
``run(args, out, err) -> int``; :data:`COMMANDS` lists them in the order
``argmap --help`` shows them. Only the module of the command that runs is
imported (a command starts without loading what the others need).

Exit codes: 0 fine, 1 the input has errors
(or the output could not be written), 2 the command was called wrongly,
130 Ctrl-C, 143 SIGTERM, 141 the reader of standard output went away
(``argmap export m.argmap | head -1``), which ends the command quietly, as
it ends any Unix tool.

``--lang de|en`` (before or after the command) sets the interface
language; without it the locale decides (``LC_ALL``, ``LC_MESSAGES``,
``LANG``). Help texts, diagnostics and summaries are said in it; what a
command draws or writes about a map follows the map's ``lang:``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import re
import signal
import sys
import threading
from typing import TextIO

from argmap._i18n import LANGUAGES, N_, interface_language
from argmap.cli.common import UsageError, _, language, speaking

__all__ = ["main", "COMMANDS"]

COMMANDS = ("check", "fmt", "evaluate", "explain", "compare", "export", "convert", "render", "watch", "serve", "outline", "worksheet", "steps", "solve")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with "usage:" in the interface language."""

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = _("usage: ")
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message):  # exit code 2, one clear line, no traceback
        self.print_usage(sys.stderr)
        print(_("{prog}: error: {message}", prog=self.prog, message=_argparse_message(message)), file=sys.stderr)
        raise SystemExit(2)


# argparse's complaints (Python's argparse, already formatted in English) and
# their templates in argmap's catalog; an "argument X: ..." prefix is said
# separately, so that its message can be one of these too.
_ARGUMENT_PREFIX = re.compile(r"argument (?P<name>\S+(?:/\S+)*): (?P<message>.+)", re.S)
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), N_("the following arguments are required: {names}")),
    (re.compile(r"unrecognized arguments: (?P<words>.+)"), N_("unrecognized arguments: {words}")),
    (re.compile(r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"), N_("invalid choice: {value} (choose from {choices})")),
    (re.compile(r"expected one argument"), N_("expected one argument")),
    (re.compile(r"invalid (?P<type>\S+) value: (?P<value>.+)"), N_("invalid {type} value: {value}")),
    (re.compile(r"not allowed with argument (?P<other>.+)"), N_("not allowed with argument {other}")),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), N_("ambiguous option: {option} could match {matches}")),
)


def _argparse_message(message: str) -> str:
    """One of argparse's English complaints in the interface language (as it is when unknown)."""
    prefix = _ARGUMENT_PREFIX.fullmatch(message)
    if prefix:
        return _("argument {name}: {message}", name=prefix["name"], message=_argparse_message(prefix["message"]))
    for pattern, template in _ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return _(template, **found.groupdict())
    return message


# argparse's own words, said through argmap's catalog (see _translate_help).
_ARGPARSE_WORDS = (
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
)

_LANG_HELP = N_("the language of messages and help: en or de (default: from the locale, LC_ALL/LC_MESSAGES/LANG)")


def build_parser(lang: str | None = None, command: str | None = None) -> argparse.ArgumentParser:
    """The ``argmap`` parser, its help texts in ``lang`` (default: the
    interface language of the running command). With ``command``, only that
    command's module is imported and only that command can be parsed: the
    parser for a command line that names it (see :func:`_chosen_command`)."""
    from argmap import __version__

    with speaking(lang or language()):
        parser = _Parser(
            prog="argmap",
            description="Argument maps from plain text: check, evaluate and draw them.",
        )
        parser.add_argument("--version", action="version", version=f"argmap {__version__}")
        parser.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP)
        sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
        for name in COMMANDS if command is None else (command,):
            module = importlib.import_module(f"argmap.cli.{name}")
            p = sub.add_parser(name, help=module.HELP, description=module.HELP)
            module.add_arguments(p)
            # Also after the command; SUPPRESS keeps a --lang given before it.
            p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_LANG_HELP)
            p.set_defaults(_run=module.run)
        _translate_help(parser)
    return parser


def _chosen_command(argv: list[str]) -> str | None:
    """The command ``argv`` names, when only ``--lang`` comes before it (so
    that the parser need not import the other commands' modules); None for
    anything else (``--help``, ``--version``, no command, an unknown word),
    which the whole parser handles."""
    k = 0
    while k < len(argv):
        is_lang, value = _lang_option(argv[k])
        if not is_lang:
            return argv[k] if argv[k] in COMMANDS else None
        k += 1 if value is not None else 2
    return None


def _translate_help(parser: argparse.ArgumentParser, seen: set[int] | None = None) -> None:
    """Say every help text, description and group title of ``parser`` and its
    subcommands in the interface language (``make messages`` extracts them
    from the ``help=`` and ``HELP =`` literals of argmap/cli)."""
    seen = set() if seen is None else seen
    if id(parser) in seen:
        return
    seen.add(id(parser))
    if parser.description:
        parser.description = _(parser.description)
    for group in parser._action_groups:
        if group.title:
            group.title = _(group.title)
        if group.description:
            group.description = _(group.description)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = _(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = _(choice.help)
            for subparser in action.choices.values():
                _translate_help(subparser, seen)


def _requested_language(argv: list[str]) -> str | None:
    """The last ``--lang`` value in ``argv``, before or after the command
    (read before parsing, so that the help texts can be said in it), or None."""
    found = None
    for k, word in enumerate(argv):
        if word == "--":
            break
        is_lang, value = _lang_option(word)
        if is_lang and value is not None:
            found = value
        elif is_lang and k + 1 < len(argv):
            found = argv[k + 1]
    return found


def _lang_option(word: str) -> tuple[bool, str | None]:
    """Whether ``word`` is ``--lang`` (or a prefix of it, down to ``--l``,
    which argparse takes too), and the value it carries after ``=``."""
    option, has_value, value = word.partition("=")
    return len(option) >= 3 and "--lang".startswith(option), value if has_value else None


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
    program = argv is None  # the `argmap` command itself, which exits next
    argv = sys.argv[1:] if argv is None else list(argv)
    requested = _requested_language(argv)
    # A value argparse refuses below is reported in the locale's language.
    lang = requested if requested in LANGUAGES else interface_language()
    with speaking(lang):
        code = _main(argv, out, err)
    if program:
        # Python's last collections at exit go through every object (0.01 s
        # with a map of 1,000 claims, 0.03 s with 10,000) and find nothing
        # that exiting does not free: frozen, they are skipped. (Not for a
        # program that calls main() and goes on.)
        gc.freeze()
    return code


def _main(argv: list[str], out: TextIO, err: TextIO) -> int:
    command = "argmap"
    try:
        with _stop_on_sigterm():
            parser = build_parser(command=_chosen_command(argv))
            try:
                args = parser.parse_args(argv)
            except SystemExit as exc:
                return int(exc.code or 0)
            args.lang = language()
            if not getattr(args, "_run", None):
                parser.print_help(err)
                return 2
            command = f"argmap {args.command}"
            try:
                code = args._run(args, out, err)
            except UsageError as exc:
                print(_("{command}: error: {message}", command=command, message=exc), file=err)
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
                _(
                    "{command}: error: the output's encoding ({encoding}) cannot hold"
                    " {text}; set PYTHONIOENCODING=utf-8, or write to a file with -o",
                    command=command,
                    encoding=exc.encoding,
                    text=repr(exc.object[exc.start : exc.end]),
                ),
                file=err,
            )
        return 1
    except OSError as exc:
        # Not a file the command writes (commands report those themselves):
        # standard output on a full disk, a device that failed, a closed stream.
        _discard(out)
        with contextlib.suppress(OSError, ValueError):
            if exc.filename:
                message = _(
                    "{command}: error: cannot write `{file}`: {reason}",
                    command=command,
                    file=exc.filename,
                    reason=exc.strerror or exc,
                )
            else:
                message = _(
                    "{command}: error: cannot write the output: {reason}", command=command, reason=exc.strerror or exc
                )
            print(message, file=err)
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
