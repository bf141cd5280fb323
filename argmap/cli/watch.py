"""``argmap watch FILE...``: redraw maps whenever their files change, for
people who write them in their own editor.

It looks at each file's size, time and inode every ``--interval`` seconds
(0.3) with ``os.stat``: no dependency, and it sees every way editors save (in
place, or a new file renamed over the old one), on network and container
folders too, where change notifications often never come; a few stat calls
per second cost nothing. A file that changed is read once it has stopped
changing, checked (its problems printed as ``argmap check`` prints them) and
drawn as ``argmap render`` would draw it, with the same options and output
names. A map that does not parse, or whose errors change what it means, is
not drawn: the last good picture stays. Ctrl+C stops it (exit code 130).
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import datetime

from argmap._meaning import meaning_errors
from argmap.diagnostics import has_errors
from argmap.cli import render as render_command
from argmap.cli.check import QUIET, diagnose
from argmap.cli.common import UsageError, _, print_diagnostics, read_inputs
from argmap.render import GraphvizNotFound, RenderFailed, draw
from argmap.render.output import write_atomically

HELP = "redraw maps whenever their files change, checking them again each time (Ctrl+C stops)"

#: How long a changed file must stay unchanged before it is read (seconds):
#: an editor that writes a file in pieces is not caught half-way.
SETTLE = 0.1


def add_arguments(parser) -> None:
    render_command.add_arguments(parser)
    parser.add_argument(
        "--interval",
        type=_seconds,
        default=0.3,
        metavar="SECONDS",
        help="how often to look at the files, in seconds (default 0.3)",
    )


def run(args, out, err) -> int:
    if "-" in args.files:
        raise UsageError(_("watch reads files, not standard input"))
    if args.output == "-":
        raise UsageError(_("watch writes files: give -o FILE or a folder, not -"))
    if args.paper and (args.format == "dot" or (args.output or "").endswith(".dot")):
        raise UsageError(_("--paper makes PDF, SVG or PNG pages, not DOT"))
    targets = {name: render_command._target(name, args) for name in args.files}
    options = render_command._options(args)
    print(_("watching {files} (Ctrl+C stops)", files=", ".join(args.files)), file=out)
    out.flush()
    seen: dict[str, tuple | None] = {}
    while True:
        for name in args.files:
            now = _signature(name)
            if name in seen and now == seen[name]:
                continue
            now = _settled(name, now)
            seen[name] = now
            if not _redraw(name, targets[name], args, options, out, err):
                return 1
            out.flush()
            err.flush()
        time.sleep(args.interval)


def _signature(name: str) -> tuple | None:
    """What tells that a file changed (None: it cannot be read now)."""
    try:
        st = os.stat(name)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev)


def _settled(name: str, now: tuple | None) -> tuple | None:
    """The file's signature once it has not changed for :data:`SETTLE` seconds (at most about 2 s)."""
    for _attempt in range(20):
        time.sleep(SETTLE)
        later = _signature(name)
        if later == now:
            break
        now = later
    return now


def _redraw(name: str, target, args, options: dict, out, err) -> bool:
    """Check and draw one file; False only when drawing can never work (no Graphviz)."""
    path, fmt = target
    stamp = datetime.now().strftime("%H:%M:%S")
    if not os.path.lexists(name):  # not written yet, or between an editor's delete and create
        print(_("{time} {file}: not there (yet); drawn as soon as it is", time=stamp, file=name), file=out)
        return True
    inp = read_inputs([name])[0]
    diagnostics = [d for d in diagnose(inp) if d.code not in QUIET]
    print_diagnostics(diagnostics, inp.text, err)
    broken = inp.map is None or has_errors(inp.diagnostics) or meaning_errors(inp.map)
    if broken:
        print(_("{time} {file}: not drawn: the map has errors; {output} keeps the last picture", time=stamp, file=name, output=path), file=out)
        return True
    try:
        if args.paper:
            files = render_command._on_paper(inp.map, fmt, path, args, options, err)
        else:
            files = [(path, draw(inp.map, fmt, **options))]
    except GraphvizNotFound as exc:
        print(_("{command}: error: {message}", command="argmap watch", message=exc), file=err)
        return False
    except (RenderFailed, UsageError, ValueError) as exc:  # ValueError: a view the map does not allow (an unknown --focus)
        print(_("{command}: error: {message}", command="argmap watch", message=exc), file=err)
        print(_("{time} {file}: not drawn: the map has errors; {output} keeps the last picture", time=stamp, file=name, output=path), file=out)
        return True
    for file, data in files:
        try:
            write_atomically(file, data)
        except OSError as exc:
            print(_("{command}: error: cannot write `{file}`: {reason}", command="argmap watch", file=file, reason=exc.strerror or exc), file=err)
            continue
        print(_("{time} wrote {file}", time=stamp, file=file), file=out)
    return True


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("an interval in seconds is a number, like 0.3 or 2, not {value}", value=repr(value))) from None
    if not 0.05 <= number <= 60:
        raise argparse.ArgumentTypeError(_("an interval must be from 0.05 to 60 seconds, not {value}", value=value))
    return number
