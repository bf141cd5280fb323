"""``argmap fmt FILE...``: rewrite maps in the canonical form."""

from __future__ import annotations

from argmap.cli.common import _, print_diagnostics, read_inputs, write_atomically
from argmap.formatter import format_map

HELP = "rewrite maps in the canonical form (never touches a file that has syntax errors)"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="an .argmap file; - formats standard input to standard output")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file would change")
    parser.add_argument("--diff", action="store_true", help="show what would change and change nothing (implies --check)")


def run(args, out, err) -> int:
    status = 0
    for inp in read_inputs(args.files):
        errors = [d for d in inp.diagnostics if d.is_error]
        if inp.map is None or errors:
            print_diagnostics(errors, inp.text, err)
            print(_("{file}: not formatted: it has syntax errors", file=inp.display_name), file=err)
            status = 1
            continue
        formatted = format_map(inp.map)
        # --diff alone shows the change without making it, as black and ruff do.
        check = args.check or args.diff
        if inp.name == "-" and not check:
            out.write(formatted)
            continue
        if formatted == inp.text:
            continue
        if check:
            print(_("{file}: would be reformatted", file=inp.display_name), file=out)
            if args.diff:
                import difflib

                out.writelines(
                    difflib.unified_diff(
                        _lines(inp.text),
                        _lines(formatted),
                        inp.display_name,
                        _("{file} (formatted)", file=inp.display_name),
                    )
                )
            status = 1
            continue
        try:
            write_atomically(inp.name, formatted)
        except OSError as exc:
            print(
                _("{file}: cannot write: {reason}; the file is unchanged", file=inp.display_name,
                  reason=exc.strerror or exc),
                file=err,
            )
            status = 1
            continue
        print(_("{file}: reformatted", file=inp.display_name), file=out)
    return status


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their ends, split where argmap ends a line:
    at LF only (a form feed or U+2028 is not a line break in a map)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]
