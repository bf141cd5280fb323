"""``argmap serve [FILE]``: edit a map in the browser (docs/editor.md)."""

from __future__ import annotations

import errno
import os
import threading
import webbrowser

from argmap.cli.common import UsageError, _

LOCALHOST = "127.0.0.1"  # argmap.serve.LOCALHOST, without importing the server for --help

HELP = "edit a map in the browser: the text on the left, the map drawn as you type on the right"

#: The port tried first when none is given; when it is taken, any free one.
DEFAULT_PORT = 8737


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="the .argmap file to edit (default: a new map, saved in the current folder)")
    parser.add_argument("--port", type=int, metavar="N", help="the port to listen on (default: 8737, or a free one when it is taken)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the browser; just print the address")
    parser.add_argument("--host", default=LOCALHOST, help="the address to listen on (default: 127.0.0.1; anything else lets other machines edit your files)")


def run(args, out, err) -> int:
    from argmap.serve import Document
    from argmap.serve.server import is_loopback

    if args.file is not None and os.path.isdir(args.file):
        raise UsageError(_("`{file}` is a folder; give an .argmap file, or no FILE for a new map", file=args.file))
    if args.file is not None and os.path.exists(args.file) and not os.path.isfile(args.file):
        raise UsageError(_("`{file}` is not a regular file; give an .argmap file", file=args.file))
    folder = os.path.dirname(args.file or "") or "."
    if not os.path.isdir(folder):
        raise UsageError(_("the folder `{folder}` does not exist; create it first (mkdir {folder}) or give a file in another folder", folder=folder))
    if args.port is not None and not 0 <= args.port <= 65535:
        raise UsageError(_("a port is a number from 0 to 65535, not {port}", port=args.port))
    if not is_loopback(args.host):
        print(_("argmap serve: warning: listening on {host}: other machines can read and change your map", host=args.host), file=err)
    document = Document(args.file, os.getcwd())
    server = _bind(document, args)
    if isinstance(server, OSError):
        if server.errno == errno.EADDRINUSE:
            print(_("argmap serve: error: cannot listen on {host}:{port}; is another program using it? Try --port 0", host=args.host, port=args.port), file=err)
        else:
            print(_("argmap serve: error: cannot listen on {host}: {reason}", host=args.host, reason=server.strerror or server), file=err)
        return 1
    print(_("argmap serve: editing {file} at {url} (Ctrl+C stops)", file=document.name or _("a new map"), url=server.url), file=out)
    out.flush()
    if not args.no_browser:
        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        print(_("argmap serve: stopped"), file=out)
    finally:
        server.server_close()
    return 0


def _bind(document, args):
    """The server on the port asked for; without one, on the default port or
    else any free one. The OSError of the last try when none can be bound."""
    from argmap.serve import make_server

    ports = [args.port] if args.port is not None else [DEFAULT_PORT, 0]
    failure = OSError()
    for port in ports:
        try:
            return make_server(document, host=args.host, port=port)
        except OSError as exc:
            failure = exc
    return failure
