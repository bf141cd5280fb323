"""The HTTP side of ``argmap serve``: a local server for one user and one map.

The standard library's :class:`ThreadingHTTPServer` is enough for that, and
needs no dependency: one person's browser makes a few requests a second.
The handler only routes, checks who asks and turns JSON into calls of
:mod:`argmap.serve.views` and :class:`argmap.serve.document.Document`.

Who may ask: the server listens on 127.0.0.1, and it answers only requests
whose ``Host`` is its own address (a web page on another site that points
its own name at 127.0.0.1, "DNS rebinding", gets 421) and whose ``Origin``,
when there is one, is its own (a page elsewhere that posts to it gets 403).
A POST must carry that Origin and JSON, which a form on another page cannot
send. Which files it sends is a fixed table (:mod:`argmap.serve.assets`).
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

from argmap._i18n import N_, normalize, translate
from argmap.serve import views
from argmap.serve.assets import asset, page
from argmap.serve.document import MAX_TEXT, Document, Saved
from argmap.serve.words import page_language

__all__ = ["EditorServer", "make_server", "LOCALHOST", "is_loopback"]

LOCALHOST = "127.0.0.1"

#: How many drawings are made at once; more requests wait for a free turn.
DRAWINGS_AT_ONCE = 2

_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
        " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    """``host`` is an address of this machine only (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class EditorServer(ThreadingHTTPServer):
    """The server of one document; ``timeout`` bounds each drawing and evaluation."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], document: Document, *, timeout: float = views.DEFAULT_TIMEOUT):
        if ":" in address[0]:  # an IPv6 address such as ::1
            self.address_family = socket.AF_INET6
        super().__init__(address, EditorHandler)
        self.document = document
        self.render_timeout = timeout
        self.drawings = threading.BoundedSemaphore(DRAWINGS_AT_ONCE)
        host, port = str(self.server_address[0]), self.server_address[1]
        self.port = port
        #: Listening on every address (0.0.0.0, ::): the page may be opened by any address of the machine.
        self.everywhere = _is_unspecified(host)
        if is_loopback(host):
            names = {host, "localhost", LOCALHOST if self.address_family == socket.AF_INET else "::1"}
        else:
            names = {host}
        self.allowed_hosts = frozenset(_authority(name, port) for name in names)

    def is_own_host(self, value: str | None) -> bool:
        """``value`` (a Host header, ``name:port``) names this server. When
        it listens everywhere, any IP address or ``localhost`` with its port
        does: a name that a foreign site points at it (DNS rebinding) still
        does not."""
        if value in self.allowed_hosts:
            return True
        if not self.everywhere or value is None:
            return False
        name, _, port = value.rpartition(":")
        if port != str(self.port):
            return False
        if name == "localhost":
            return True
        if name.startswith("[") and name.endswith("]"):
            name = name[1:-1]
        elif ":" in name:
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def is_own_origin(self, value: str | None) -> bool:
        """``value`` (an Origin header) is a page of this server."""
        return value is not None and value.startswith("http://") and self.is_own_host(value[len("http://"):])

    def handle_error(self, request, client_address) -> None:
        """A page that stopped waiting (a redraw overtaken by the next
        keystroke) is normal; anything else is one line on stderr, not a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError):
            return
        print(f"argmap serve: error while answering a request: {exc.__class__.__name__}: {exc}", file=sys.stderr)

    @property
    def url(self) -> str:
        """The address to open; listening everywhere, the machine's own (127.0.0.1 or ::1)."""
        host = str(self.server_address[0])
        if self.everywhere:
            host = LOCALHOST if self.address_family == socket.AF_INET else "::1"
        return f"http://{_authority(host, self.port)}/"


def _authority(host: str, port: int) -> str:
    """``host:port`` as a URL and a Host header write it (an IPv6 address in brackets)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _is_unspecified(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def make_server(document: Document, *, host: str = LOCALHOST, port: int = 0, timeout: float = views.DEFAULT_TIMEOUT) -> EditorServer:
    """A server for ``document`` bound to ``host:port`` (port 0: any free
    port), not yet serving (call ``serve_forever``). Raises OSError when the
    address cannot be bound."""
    return EditorServer((host, port), document, timeout=timeout)


class EditorHandler(BaseHTTPRequestHandler):
    server: EditorServer
    server_version = "argmap"
    sys_version = ""

    def log_message(self, format, *args):  # the terminal stays quiet
        pass

    def do_GET(self):
        if not self._trusted():
            return
        url = urlsplit(self.path)
        if url.path == "/":
            lang = _query_lang(url.query) or page_language(self.headers.get("Accept-Language"))
            self._send(HTTPStatus.OK, page(lang, self.server.document.name), "text/html; charset=utf-8")
        elif url.path == "/api/document":
            self._document(_query_lang(url.query) or "en")
        elif url.path == "/api/version":
            self._json(HTTPStatus.OK, {"version": self.server.document.version()})
        elif (found := asset(url.path)) is not None:
            self._send(HTTPStatus.OK, *found)
        else:
            self._not_found()

    def do_POST(self):
        if not self._trusted(post=True):
            return
        route = {
            "/api/render": self._render,
            "/api/check": self._check,
            "/api/download": self._download,
            "/api/save": self._save,
        }.get(urlsplit(self.path).path)
        if route is None:
            self._not_found()
            return
        request = self._read_json()
        if request is not None:
            route(request, normalize(request.get("lang") if isinstance(request.get("lang"), str) else None))

    def do_HEAD(self):
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"", "text/plain")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD

    # -- the endpoints ------------------------------------------------------

    def _document(self, lang: str) -> None:
        document = self.server.document
        try:
            text, version, diagnostics = document.load(normalize(lang))
        except OSError as exc:
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"problem": translate(N_("cannot read `{name}`: {reason}"), lang, {"name": document.name, "reason": exc.strerror or exc})})
            return
        self._json(
            HTTPStatus.OK,
            {"text": text, "version": version, "file": document.name, "folder": str(document.folder), "diagnostics": [d.localized(lang).to_dict() for d in diagnostics]},
        )

    def _render(self, request: dict, lang: str) -> None:
        text, choices = self._text_and_choices(request)
        if text is None:
            return
        with self._turn(lang) as ready:
            if ready:
                self._json(HTTPStatus.OK, views.preview(text, choices, lang, **self._where()))

    def _check(self, request: dict, lang: str) -> None:
        text, _ = self._text_and_choices(request)
        if text is not None:
            where = self._where()
            _, diagnostics = views.diagnose(text, lang, filename=where["filename"], base_dir=where["base_dir"])
            self._json(HTTPStatus.OK, {"diagnostics": [d.to_dict() for d in diagnostics]})

    def _download(self, request: dict, lang: str) -> None:
        text, choices = self._text_and_choices(request)
        if text is None:
            return
        with self._turn(lang) as ready:
            if not ready:
                return
            try:
                data, suffix, media = views.download(text, choices, str(request.get("what")), lang, **self._where())
            except views.Problem as exc:
                self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"problem": str(exc)})
                return
        filename = self.server.document.stem + suffix
        quoted = quote(filename, safe="")
        self._send(HTTPStatus.OK, data, media, {"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"})

    def _save(self, request: dict, lang: str) -> None:
        text, _ = self._text_and_choices(request)
        if text is None:
            return
        confirm = request.get("confirm")
        confirm = tuple(c for c in confirm if isinstance(c, str)) if isinstance(confirm, list) else ()
        base = request.get("base") if isinstance(request.get("base"), str) else None
        name = request.get("name") if isinstance(request.get("name"), str) else None
        result = self.server.document.save(text, lang, base=base, name=name, confirm=confirm)
        if isinstance(result, Saved):
            self._json(HTTPStatus.OK, {"file": result.name, "version": result.version})
        else:
            status = HTTPStatus.CONFLICT if result.needs else HTTPStatus.UNPROCESSABLE_ENTITY
            self._json(status, {"needs": result.needs, "problem": result.message, "diagnostics": [d.to_dict() for d in result.diagnostics]})

    # -- checks and plumbing ------------------------------------------------

    def _trusted(self, post: bool = False) -> bool:
        """Answer only this server's own page: refuse a foreign Host (421)
        or Origin (403); a POST must come with its Origin."""
        if not self.server.is_own_host(self.headers.get("Host")):
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"wrong Host\n", "text/plain; charset=utf-8")
            return False
        origin = self.headers.get("Origin")
        if (origin is not None or post) and not self.server.is_own_origin(origin):
            self._send(HTTPStatus.FORBIDDEN, b"wrong Origin\n", "text/plain; charset=utf-8")
            return False
        return True

    def _read_json(self) -> dict | None:
        if (self.headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"JSON only\n", "text/plain; charset=utf-8")
            return None
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            self._send(HTTPStatus.LENGTH_REQUIRED, b"Content-Length needed\n", "text/plain; charset=utf-8")
            return None
        if not 0 <= length <= 2 * MAX_TEXT:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"too large\n", "text/plain; charset=utf-8")
            self.close_connection = True
            return None
        try:
            request = json.loads(self.rfile.read(length))
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: arrays nested thousands deep
            request = None
        if not isinstance(request, dict):
            self._send(HTTPStatus.BAD_REQUEST, b"a JSON object, please\n", "text/plain; charset=utf-8")
            return None
        return request

    def _text_and_choices(self, request: dict) -> tuple[str | None, dict]:
        text = request.get("text")
        choices = request.get("options")
        if not isinstance(text, str) or len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT:
            self._send(HTTPStatus.BAD_REQUEST, b"text: a string of at most 2 MB\n", "text/plain; charset=utf-8")
            return None, {}
        return text, choices if isinstance(choices, dict) else {}

    def _where(self) -> dict:
        document = self.server.document
        return {"filename": document.name, "base_dir": document.path.parent if document.path else document.folder, "timeout": self.server.render_timeout}

    @contextlib.contextmanager
    def _turn(self, lang: str):
        """A turn to draw (True); when none comes free within the time limit, 503 and False."""
        ready = self.server.drawings.acquire(timeout=self.server.render_timeout)
        if not ready:
            self._json(HTTPStatus.SERVICE_UNAVAILABLE, {"problem": translate(N_("the editor is busy drawing; try again"), lang)})
        try:
            yield ready
        finally:
            if ready:
                self.server.drawings.release()

    def _not_found(self) -> None:
        self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def _json(self, status: HTTPStatus, value) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, media: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        for key, value in {**_SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _query_lang(query: str) -> str | None:
    """``?lang=de`` (for links and screenshots), normalized; None without it."""
    values = parse_qs(query).get("lang")
    return normalize(values[0]) if values else None
