"""``argmap serve``: the endpoints of the editor's server, its refusals, and
the command (the page itself is tested in a browser: test_serve_browser.py)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from argmap.cli import build_parser
from argmap.serve import Document, make_server
from argmap.serve.assets import ASSETS
from argmap.serve.server import is_loopback
from argmap.serve.words import WORDS, page_language, words
from tests.serve_browser_support import editor_server
from tests.test_packaging import wheel  # noqa: F401  (the fixture: the built wheel)

ROOT = Path(__file__).resolve().parent.parent
MAP = "title: Handys\nlang: de\n\nclaim ban: Schulen sollten Handys verbieten.\n  + focus: Ohne Handy lernen Schüler besser.\n"


class Client:
    """Requests to a running server, with its own Host and Origin unless told otherwise."""

    def __init__(self, server):
        self.server = server
        self.port = server.server_address[1]
        self.own = f"127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body=None, headers=None, *, origin=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": self.own}
        if origin:
            sent["Origin"] = f"http://{self.own}"
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for key, value in sent.items():
            if value is not None:
                conn.putheader(key, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response, data

    def json(self, method: str, path: str, body=None, **kwargs):
        response, data = self.request(method, path, body, **kwargs)
        return response.status, json.loads(data)


@pytest.fixture
def map_file(tmp_path) -> Path:
    path = tmp_path / "karte.argmap"
    path.write_text(MAP, "utf-8")
    return path


@pytest.fixture
def client(map_file):
    with editor_server(map_file, map_file.parent) as server:
        yield Client(server)


@pytest.fixture
def new_client(tmp_path):
    """A server without a FILE, whose folder is tmp_path/work."""
    folder = tmp_path / "work"
    folder.mkdir()
    with editor_server(None, folder) as server:
        yield Client(server)


# -- where it listens -------------------------------------------------------


def test_binds_to_127_0_0_1_only():
    """The server, and the command by default, listen on 127.0.0.1, not on every interface."""
    server = make_server(Document(None, "."), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
    args = build_parser("en").parse_args(["serve", "--no-browser"])
    assert args.host == "127.0.0.1"
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_command_prints_the_address_and_stops_on_ctrl_c(map_file):
    """`argmap serve FILE --no-browser --port 0` prints its 127.0.0.1 address, serves the page, ends with 0 on SIGINT."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(map_file), "--no-browser", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=map_file.parent,
    )
    try:
        line = proc.stdout.readline()
        assert "at http://127.0.0.1:" in line and str(map_file) in line, line
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        response = conn.getresponse()
        assert response.status == 200 and b'id="editor"' in response.read()
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_command_refuses_a_folder(tmp_path):
    """A folder as FILE is a usage error (exit 2), not a traceback."""
    done = subprocess.run([sys.executable, "-m", "argmap", "serve", str(tmp_path), "--no-browser", "--lang", "en"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert "is a folder" in done.stderr and "Traceback" not in done.stderr



def test_command_refuses_a_file_in_a_missing_folder(tmp_path):
    """FILE in a folder that does not exist (the teacher guide's `meine_karten/` before `mkdir`):
    a usage error that names the folder, not a page whose first save fails."""
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "serve", "meine_karten/karte.argmap", "--no-browser", "--lang", "en"],
        capture_output=True, text=True, timeout=30, cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert "the folder `meine_karten` does not exist" in done.stderr and "Traceback" not in done.stderr


def test_command_says_why_an_address_cannot_be_used(tmp_path):
    """An address that is not this machine's is reported with its reason, not as a port in use."""
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "serve", "--no-browser", "--lang", "en", "--host", "192.0.2.1", "--port", "0"],
        capture_output=True, text=True, timeout=30, cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "cannot listen on 192.0.2.1:" in done.stderr and "another program" not in done.stderr
    assert "Traceback" not in done.stderr


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="this machine has no IPv6 loopback (::1)")
def test_ipv6_loopback(map_file):
    """`--host ::1` listens on IPv6, prints `http://[::1]:PORT/` and answers its own `[::1]:PORT` Host only."""
    server = make_server(Document(map_file, map_file.parent), host="::1", port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        assert server.url == f"http://[::1]:{port}/"
        for host, origin, expected in [
            (f"[::1]:{port}", f"http://[::1]:{port}", 200),
            (f"localhost:{port}", f"http://localhost:{port}", 200),
            (f"::1:{port}", None, 421),
            (f"[::1]:{port + 1}", None, 421),
            (f"evil.example:{port}", None, 421),
            (f"[::1]:{port}", "http://evil.example", 403),
        ]:
            conn = http.client.HTTPConnection("::1", port, timeout=10)
            conn.putrequest("GET", "/api/document", skip_host=True)
            conn.putheader("Host", host)
            if origin:
                conn.putheader("Origin", origin)
            conn.endheaders()
            assert conn.getresponse().status == expected, (host, origin)
            conn.close()
    finally:
        server.shutdown()
        server.server_close()


def test_listening_everywhere_answers_the_machines_addresses(map_file):
    """With `--host 0.0.0.0` the page opened by any IP address of the machine works (before, every
    request got 421); a name a foreign site points at it still gets 421, a foreign Origin 403."""
    server = make_server(Document(map_file, map_file.parent), host="0.0.0.0", port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        client = Client(server)
        port = client.port
        assert server.url == f"http://127.0.0.1:{port}/"
        for host in [f"127.0.0.1:{port}", f"192.168.1.5:{port}", f"localhost:{port}", f"[fe80::1]:{port}"]:
            response, data = client.request("GET", "/api/document", headers={"Host": host, "Origin": f"http://{host}"})
            assert response.status == 200 and b"Schulen" in data, host
        for host in [f"evil.example:{port}", f"192.168.1.5:{port + 1}", "192.168.1.5", f"fe80::1:{port}", f"1.2.3.4.evil.example:{port}"]:
            response, data = client.request("GET", "/api/document", headers={"Host": host}, origin=False)
            assert response.status == 421 and b"Schulen" not in data, host
        own = f"192.168.1.5:{port}"
        response, _ = client.request("POST", "/api/save", {"text": "claim x: X.\n"}, headers={"Host": own, "Origin": "http://evil.example"})
        assert response.status == 403
        assert map_file.read_text("utf-8") == MAP
    finally:
        server.shutdown()
        server.server_close()


# -- who may ask -------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1:1", "localhost.evil.example:{port}", "", None],
)
def test_a_foreign_host_is_refused(client, host):
    """DNS rebinding: a request whose Host is not the server's own address gets 421 and nothing else."""
    value = host.format(port=client.port) if host is not None else None
    response, data = client.request("GET", "/api/document", headers={"Host": value}, origin=False)
    assert response.status == 421
    assert b"Schulen" not in data


@pytest.mark.parametrize("origin", ["http://evil.example", f"http://127.0.0.1:1", "null", "https://127.0.0.1"])
def test_a_foreign_origin_is_refused(client, origin):
    """A page elsewhere may not read the map or post to the server: 403."""
    response, data = client.request("GET", "/api/document", headers={"Origin": origin})
    assert response.status == 403 and b"Schulen" not in data
    response, _ = client.request("POST", "/api/save", {"text": "x"}, headers={"Origin": origin})
    assert response.status == 403


def test_a_post_without_origin_or_json_is_refused(client, map_file):
    """A POST needs the server's Origin (403 without) and JSON (415 for a form), so no form elsewhere can save."""
    response, _ = client.request("POST", "/api/save", {"text": "claim x: X.\n", "confirm": ["overwrite"]}, origin=False)
    assert response.status == 403
    response, _ = client.request("POST", "/api/save", b"text=claim+x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 415
    assert map_file.read_text("utf-8") == MAP


def test_localhost_is_its_own_name_too(client):
    """The page opened as http://localhost:PORT/ works as well."""
    own = f"localhost:{client.port}"
    response, _ = client.request("GET", "/", headers={"Host": own, "Origin": f"http://{own}"})
    assert response.status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/static/..%2f..%2fetc%2fpasswd",
        "/../../../../etc/passwd",
        "/etc/passwd",
        "//etc/passwd",
        "/static//etc/passwd",
        "/static/app.js/../../../../etc/passwd",
        "/static/index.html",
        "/static/../document.py",
        "/static/%2e%2e/document.py",
        "/static/./app.js",
        "/static/APP.JS",
        "/static/app.js%00.png",
        "/karte.argmap",
        f"/{ROOT}/README.md",
    ],
)
def test_only_its_own_assets_are_served(client, path):
    """Traversal attempts, absolute paths and files that are not in the asset table: 404."""
    response, data = client.request("GET", path)
    assert response.status == 404
    assert b"root:" not in data and b"Schulen" not in data


def test_every_asset_is_served_with_its_type(client):
    """Each entry of the asset table answers 200, with its media type and the security headers."""
    for path, (_, media) in ASSETS.items():
        response, data = client.request("GET", path)
        assert response.status == 200, path
        assert response.getheader("Content-Type") == media and data
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert "script-src 'self'" in response.getheader("Content-Security-Policy")


def test_nothing_comes_from_another_site():
    """The page and its scripts load nothing from a CDN: no http(s) URL in a src or href, nor an import."""
    static = ROOT / "argmap" / "serve" / "static"
    page = (static / "index.html").read_text("utf-8")
    assert not [ref for ref in _references(page) if not ref.startswith("/static/")]
    for name in ("app.js", "app.css"):
        text = (static / name).read_text("utf-8")
        assert "http://" not in text and "https://" not in text and "@import" not in text, name
    bundle = (static / "editor.js").read_text("utf-8")
    assert "import(" not in bundle and "importScripts" not in bundle


def _references(html: str) -> list[str]:
    import re

    return re.findall(r'(?:src|href)="([^"]*)"', html)


# -- the page and the document ---------------------------------------------


@pytest.mark.parametrize("accept, lang, save", [("de-DE,de;q=0.9,en;q=0.8", "de", "Speichern"), ("en-GB,en;q=0.9", "en", "Save"), ("fr-FR", "en", "Save")])
def test_page_speaks_the_browsers_language(client, accept, lang, save):
    """The page's words follow Accept-Language (German or English; English for other languages)."""
    response, data = client.request("GET", "/", headers={"Accept-Language": accept})
    page = data.decode("utf-8")
    assert response.status == 200
    assert f'<html lang="{lang}">' in page
    found = json.loads(page.split('id="argmap-data">')[1].split("</script>")[0])
    assert found["lang"] == lang and found["words"]["save"] == save
    assert found["file"].endswith("karte.argmap")


def test_every_word_is_german_in_german():
    """Each word of the page has a German translation."""
    german = words("de")
    assert [key for key, text in WORDS.items() if german[key] == text and text not in ("SVG", "PNG", "PDF")] == []


def test_accept_language_weights():
    """The header's weights decide; q=0 means never."""
    assert page_language("en;q=0.4, de;q=0.8") == "de"
    assert page_language("de;q=0, en") == "en"
    assert page_language("de-AT") == "de"
    assert page_language("garbage;;;q=x") == "en"


def test_a_file_name_cannot_break_out_of_the_page(tmp_path):
    """A map's file name with </script> and quotes is data in the page, not markup."""
    from argmap.serve.assets import page

    name = str(tmp_path / '</script><script>alert(1)</script>".argmap')
    html = page("en", name).decode("utf-8")
    assert "<script>alert(1)" not in html
    data = json.loads(html.split('id="argmap-data">')[1].split("</script>")[0])
    assert data["file"] == name



def test_a_file_name_with_a_placeholder_stays_a_name(tmp_path):
    """A file named `{{data}}.argmap` is shown as that name; the page's data is not copied into its title."""
    from argmap.serve.assets import page

    html = page("en", "{{data}}.argmap").decode("utf-8")
    assert "<title>{{data}}.argmap – argmap editor</title>" in html
    assert html.count('"words"') == 1


def test_document_is_the_file_with_its_version(client, map_file):
    """/api/document gives the file's text and version; /api/version changes when another program writes it."""
    status, doc = client.json("GET", "/api/document?lang=de")
    assert status == 200 and doc["text"] == MAP and doc["file"] == str(map_file)
    assert client.json("GET", "/api/version")[1]["version"] == doc["version"]
    map_file.write_text(MAP + "claim x: Neu.\n", "utf-8")
    assert client.json("GET", "/api/version")[1]["version"] not in (None, doc["version"])


def test_without_a_file_the_page_starts_from_an_example(new_client):
    """No FILE: an example in the page's language, no version, no file."""
    status, doc = new_client.json("GET", "/api/document?lang=de")
    assert status == 200 and doc["file"] is None and doc["version"] is None
    assert "lang: de" in doc["text"] and "claim" in doc["text"]
    assert "lang: en" in new_client.json("GET", "/api/document?lang=en")[1]["text"]


# -- drawing and checking ---------------------------------------------------


@pytest.mark.dot
def test_render_draws_the_text_as_svg(client):
    """/api/render: the SVG has a node for every claim, and the ids for the view controls come along."""
    text = MAP + "  - costs: Das kostet zu viel.\nposition eltern: accepts costs\n"
    status, answer = client.json("POST", "/api/render", {"text": text, "options": {}, "lang": "de"})
    assert status == 200 and answer["problem"] is None
    assert answer["svg"].startswith("<?xml") or answer["svg"].lstrip().startswith("<svg") or "<svg" in answer["svg"][:400]
    for claim in ("ban", "focus", "costs"):
        assert f"<title>{claim}</title>" in answer["svg"]
    assert answer["claims"] == ["ban", "focus", "costs"] and answer["positions"] == ["eltern"]


@pytest.mark.dot
def test_render_with_the_views(client):
    """The view controls reach the drawing: evaluation, position, focus, theme, worksheet."""
    text = MAP + "  - costs: Das kostet zu viel.\n    - cheap: Handyschränke sind billig.\nposition eltern: accepts costs\n"
    plain = client.json("POST", "/api/render", {"text": text, "options": {}})[1]["svg"]
    views = {
        "evaluate": {"evaluate": "grounded", "support": "none"},
        "position": {"positions": ["eltern"]},
        "focus": {"focus": "cheap", "depth": 1},
        "theme": {"theme": "print"},
        "worksheet": {"worksheet": True},
    }
    for name, options in views.items():
        status, answer = client.json("POST", "/api/render", {"text": text, "options": options})
        assert status == 200 and answer["problem"] is None and answer["svg"] != plain, name
    focused = client.json("POST", "/api/render", {"text": text, "options": views["focus"]})[1]["svg"]
    assert "<title>cheap</title>" in focused and "<title>focus</title>" not in focused


@pytest.mark.dot
@pytest.mark.parametrize(
    "options, word",
    [({"focus": "nobody"}, "nobody"), ({"positions": ["nobody"]}, "nobody"), ({"theme": "neon"}, "neon"), ({"evaluate": "magic"}, "magic")],
)
def test_a_bad_view_is_a_problem_not_a_crash(client, options, word):
    """An unknown claim, position, theme or semantics: no picture, a problem naming it, the diagnostics still there."""
    status, answer = client.json("POST", "/api/render", {"text": MAP, "options": options})
    assert status == 200 and answer["svg"] is None
    assert word in answer["problem"]


@pytest.mark.dot
def test_render_lists_a_syntax_error_with_its_line_in_the_pages_language(client):
    """A syntax error comes back with line, column, code and the message in the page's language."""
    text = MAP + "ban suports focus\n"
    status, answer = client.json("POST", "/api/render", {"text": text, "options": {}, "lang": "de"})
    assert status == 200
    (error,) = [d for d in answer["diagnostics"] if d["severity"] == "error"]
    assert (error["code"], error["line"], error["column"]) == ("E101", 6, 5)
    assert "erwartet" in error["message"] and "supports" in error["hint"]
    english = client.json("POST", "/api/render", {"text": text, "options": {}, "lang": "en"})[1]["diagnostics"]
    assert "expected" in english[0]["message"]


def test_check_gives_the_diagnostics(client):
    """/api/check: the syntax and the checks' diagnostics, as data."""
    status, answer = client.json("POST", "/api/check", {"text": "claim a: A.\na supports b\n", "lang": "en"})
    assert status == 200
    assert [(d["code"], d["line"]) for d in answer["diagnostics"]] == [("E201", 2)]
    assert client.json("POST", "/api/check", {"text": MAP})[1]["diagnostics"] == []


@pytest.mark.parametrize("body", [{"text": 5}, {"options": {}}, {"text": "x" * 2_000_001}, ["text"]])
def test_bad_requests_get_400(client, body):
    """A request without text, with text that is not a string or too long, or not an object: 400."""
    response, _ = client.request("POST", "/api/check", body)
    assert response.status == 400



def test_json_must_be_json_exactly(client, map_file):
    """A media type that merely starts with application/json is no JSON request: 415."""
    for media in ["application/jsonp", "application/json-seq", "application/json5"]:
        response, _ = client.request("POST", "/api/save", json.dumps({"text": "claim x: X.\n", "confirm": ["overwrite"]}).encode(), headers={"Content-Type": media})
        assert response.status == 415, media
    response, _ = client.request("POST", "/api/check", json.dumps({"text": MAP}).encode(), headers={"Content-Type": "Application/JSON; charset=utf-8"})
    assert response.status == 200
    assert map_file.read_text("utf-8") == MAP


def test_deeply_nested_json_gets_400(client):
    """JSON nested deeper than Python's recursion limit is a bad request (400), not a dropped connection."""
    response, _ = client.request("POST", "/api/check", b"[" * 100_000 + b"]" * 100_000, headers={"Content-Type": "application/json"})
    assert response.status == 400


def test_an_oversized_body_is_refused_before_reading(client):
    """A Content-Length over the limit gets 413 without the server reading it."""
    conn = http.client.HTTPConnection("127.0.0.1", client.port, timeout=10)
    conn.putrequest("POST", "/api/check", skip_host=True)
    for key, value in {"Host": client.own, "Origin": f"http://{client.own}", "Content-Type": "application/json", "Content-Length": "999999999"}.items():
        conn.putheader(key, value)
    conn.endheaders()
    assert conn.getresponse().status == 413
    conn.close()


@pytest.mark.dot
@pytest.mark.parametrize(
    "what, magic, suffix",
    [("svg", b"<?xml", ".svg"), ("png", b"\x89PNG", ".png"), ("pdf", b"%PDF", ".pdf"), ("worksheet", b"%PDF", ".worksheet.pdf"), ("outline", b"# ", ".outline.md")],
)
def test_downloads(client, what, magic, suffix):
    """Each download comes with its bytes and a file name after the map's."""
    response, data = client.request("POST", "/api/download", {"text": MAP, "options": {"paper": "a4"}, "what": what})
    assert response.status == 200
    assert data.startswith(magic)
    assert response.getheader("Content-Disposition") == f"attachment; filename*=UTF-8''karte{suffix}"


def test_a_download_of_a_broken_text_says_why(client):
    """Text that does not parse: 422 with a problem, no file."""
    status, answer = client.json("POST", "/api/download", {"text": "claim : \n", "what": "svg", "lang": "en"})
    assert status == 422 and "errors" in answer["problem"]
    status, answer = client.json("POST", "/api/download", {"text": MAP, "what": "../etc"})
    assert status == 422


@pytest.mark.dot
def test_a_hanging_graphviz_is_stopped(tmp_path, map_file, monkeypatch):
    """A drawing that takes too long (here a `dot` that sleeps) is stopped at the time limit; the server answers on."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text("#!/bin/sh\nexec sleep 60\n")
    (fake / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    with editor_server(map_file, map_file.parent, timeout=0.5) as server:
        client = Client(server)
        started = time.monotonic()
        status, answer = client.json("POST", "/api/render", {"text": MAP, "options": {}, "lang": "en"})
        assert time.monotonic() - started < 10
        assert status == 200 and answer["svg"] is None and "longer than 0.5 s" in answer["problem"]
        assert client.json("GET", "/api/version")[0] == 200


@pytest.mark.dot
def test_a_huge_map_hits_the_time_limit_not_the_server(tmp_path):
    """A real map too big to draw in the limit: a problem comes back in time."""
    lines = [f"claim c{i}: Aussage {i}.\n" for i in range(1500)] + [f"c{i} rebuts c{(i * 7 + 1) % 1500}\n" for i in range(1500)]
    with editor_server(None, tmp_path, timeout=0.2) as server:
        client = Client(server)
        started = time.monotonic()
        status, answer = client.json("POST", "/api/render", {"text": "".join(lines), "options": {}})
        assert time.monotonic() - started < 30
        assert status == 200 and answer["svg"] is None and "longer than" in answer["problem"]


# -- saving -----------------------------------------------------------------


def test_save_writes_the_file(client, map_file):
    """Save replaces the file's text and returns the new version, which /api/version agrees with."""
    version = client.json("GET", "/api/document")[1]["version"]
    text = MAP + "  - costs: Das kostet.\n"
    status, answer = client.json("POST", "/api/save", {"text": text, "base": version})
    assert status == 200 and answer["version"] != version
    assert map_file.read_text("utf-8") == text
    assert client.json("GET", "/api/version")[1]["version"] == answer["version"]
    assert [p.name for p in map_file.parent.iterdir()] == ["karte.argmap"]


def test_save_is_atomic(client, map_file, monkeypatch):
    """When the rename fails, the file is as it was and no temporary file is left."""
    version = client.json("GET", "/api/document")[1]["version"]

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    status, answer = client.json("POST", "/api/save", {"text": "claim x: Neu.\n", "base": version, "lang": "en"})
    assert status == 422 and "No space left" in answer["problem"]
    assert map_file.read_text("utf-8") == MAP
    assert [p.name for p in map_file.parent.iterdir()] == ["karte.argmap"]



def test_save_into_a_folder_that_is_gone_names_it(tmp_path):
    """When the file's folder was removed after the start, saving says which folder is missing."""
    folder = tmp_path / "meine_karten"
    folder.mkdir()
    document = Document(folder / "karte.argmap", tmp_path)
    text, version, _ = document.load("de")
    folder.rmdir()
    result = document.save(text, "en", base=version)
    assert result.needs is None
    assert "the folder" in result.message and "meine_karten" in result.message and "does not exist" in result.message
    assert not folder.exists()



def test_a_fifo_or_an_oversized_file_is_refused_not_read(tmp_path):
    """A FIFO as FILE is a usage error at the start (reading it would block the server for ever);
    one that appears later, or a file over the editor's limit, is a problem the page shows."""
    fifo = tmp_path / "pipe.argmap"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "argmap", "serve", str(fifo), "--no-browser", "--lang", "en"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "not a regular file" in done.stderr
    with editor_server(fifo, tmp_path) as server:
        client = Client(server)
        status, answer = client.json("GET", "/api/document?lang=en")
        assert status == 500 and "not a regular file" in answer["problem"]
        assert client.json("GET", "/api/version")[1] == {"version": None}
    big = tmp_path / "big.argmap"
    big.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    with editor_server(big, tmp_path) as server:
        status, answer = Client(server).json("GET", "/api/document?lang=de")
        assert status == 500 and "2000003" in answer["problem"] and "big.argmap" in answer["problem"]


def test_save_keeps_windows_line_ends(tmp_path):
    """A file with CRLF line ends keeps them when saved (the page edits with LF)."""
    path = tmp_path / "crlf.argmap"
    path.write_bytes(MAP.replace("\n", "\r\n").encode())
    document = Document(path, tmp_path)
    text, version, _ = document.load("en")
    assert "\r" not in text
    document.save(text + "claim x: X.\n", "en", base=version)
    assert path.read_bytes() == (MAP + "claim x: X.\n").replace("\n", "\r\n").encode()


def test_save_refuses_text_that_does_not_parse_unless_confirmed(client, map_file):
    """Text with syntax errors: 409 with the errors, the file unchanged; saved once the user confirms."""
    version = client.json("GET", "/api/document")[1]["version"]
    broken = MAP + "ban suports focus\n"
    status, answer = client.json("POST", "/api/save", {"text": broken, "base": version, "lang": "en"})
    assert status == 409 and answer["needs"] == "errors"
    assert [d["code"] for d in answer["diagnostics"]] == ["E101"]
    assert map_file.read_text("utf-8") == MAP
    status, _ = client.json("POST", "/api/save", {"text": broken, "base": version, "confirm": ["errors"]})
    assert status == 200 and map_file.read_text("utf-8") == broken


def test_save_notices_a_file_changed_by_another_program(client, map_file):
    """Another program wrote the file since the page read it: 409 'overwrite'; saved once confirmed."""
    version = client.json("GET", "/api/document")[1]["version"]
    map_file.write_text(MAP + "claim other: Von woanders.\n", "utf-8")
    status, answer = client.json("POST", "/api/save", {"text": MAP + "claim mine: Meins.\n", "base": version, "lang": "de"})
    assert status == 409 and answer["needs"] == "overwrite" and "anderes Programm" in answer["problem"]
    assert "other" in map_file.read_text("utf-8")
    status, _ = client.json("POST", "/api/save", {"text": MAP + "claim mine: Meins.\n", "base": version, "confirm": ["overwrite"]})
    assert status == 200 and "mine" in map_file.read_text("utf-8")


def test_a_new_map_is_saved_under_a_name_in_the_folder(new_client, tmp_path):
    """Without FILE the first save needs a name; `.argmap` is added; later saves go to that file."""
    folder = tmp_path / "work"
    status, answer = new_client.json("POST", "/api/save", {"text": MAP, "base": None})
    assert status == 422
    status, answer = new_client.json("POST", "/api/save", {"text": MAP, "base": None, "name": "meine_karte"})
    assert status == 200 and answer["file"] == str(folder / "meine_karte.argmap")
    assert (folder / "meine_karte.argmap").read_text("utf-8") == MAP
    status, answer = new_client.json("POST", "/api/save", {"text": MAP + "claim b: B.\n", "base": answer["version"]})
    assert status == 200 and "claim b" in (folder / "meine_karte.argmap").read_text("utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["meine_karte.argmap"]


def test_a_new_name_that_exists_asks_first(new_client, tmp_path):
    """Saving a new map under the name of a file that exists: 409 'exists' until confirmed."""
    existing = tmp_path / "work" / "da.argmap"
    existing.write_text("claim alt: Alt.\n", "utf-8")
    status, answer = new_client.json("POST", "/api/save", {"text": MAP, "name": "da.argmap"})
    assert status == 409 and answer["needs"] == "exists"
    assert existing.read_text("utf-8") == "claim alt: Alt.\n"
    status, _ = new_client.json("POST", "/api/save", {"text": MAP, "name": "da.argmap", "confirm": ["exists"]})
    assert status == 200 and existing.read_text("utf-8") == MAP


@pytest.mark.parametrize(
    "name",
    ["../raus.argmap", "../../etc/passwd", "/etc/passwd", "/tmp/x.argmap", "sub/x.argmap", "..", ".", ".argmap", ".versteckt.argmap", "a\\..\\b.argmap", "x\0.argmap", "zwei\nZeilen.argmap", "tab\t.argmap", "", "   ", "a" * 300],
)
def test_a_new_name_that_leaves_the_folder_is_refused(new_client, tmp_path, name):
    """Names with a folder in them, absolute paths, hidden names: refused, nothing written anywhere."""
    before = sorted(p.name for p in tmp_path.rglob("*"))
    status, answer = new_client.json("POST", "/api/save", {"text": MAP, "name": name, "lang": "en", "confirm": ["exists", "errors"]})
    assert status == 422 and answer["needs"] is None and answer["problem"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_link_out_of_the_folder_is_refused(new_client, tmp_path):
    """A name that is a symbolic link to a file outside the folder is refused; the target stays as it was."""
    outside = tmp_path / "outside.argmap"
    outside.write_text("claim o: Draußen.\n", "utf-8")
    (tmp_path / "work" / "link.argmap").symlink_to(outside)
    status, answer = new_client.json("POST", "/api/save", {"text": MAP, "name": "link.argmap", "lang": "en", "confirm": ["exists"]})
    assert status == 422 and "link" in answer["problem"]
    assert outside.read_text("utf-8") == "claim o: Draußen.\n"


# -- from the installed wheel -------------------------------------------------


def test_the_wheel_carries_the_page(wheel):
    """The page, its scripts, styles and CodeMirror's licence ship inside the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for file in ("index.html", "app.js", "app.css", "editor.js", "editor.LICENSE.txt", "icon.svg"):
        assert f"argmap/serve/static/{file}" in names
    licence = zipfile.ZipFile(wheel).read("argmap/serve/static/editor.LICENSE.txt").decode()
    assert "MIT License" in licence and "@codemirror/view" in licence


def test_serve_runs_from_the_wheel(wheel, map_file):
    """`argmap serve` imported from the wheel (not this checkout) serves the page and the editor's script."""
    env = {**os.environ, "PYTHONPATH": str(wheel)}
    code = (
        "import argmap.serve, http.client, threading\n"
        "assert '.whl' in argmap.serve.__file__, argmap.serve.__file__\n"
        f"d = argmap.serve.Document({str(map_file)!r}, {str(map_file.parent)!r})\n"
        "s = argmap.serve.make_server(d, port=0)\n"
        "threading.Thread(target=s.serve_forever, daemon=True).start()\n"
        "for path in ('/', '/static/editor.js', '/static/app.js'):\n"
        "    c = http.client.HTTPConnection('127.0.0.1', s.server_address[1]); c.request('GET', path)\n"
        "    r = c.getresponse(); body = r.read(); print(path, r.status, len(body))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=map_file.parent, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[0].startswith("/ 200 ") and lines[1].startswith("/static/editor.js 200 ") and lines[2].startswith("/static/app.js 200 ")
    assert int(lines[1].split()[2]) > 100_000


# -- the documentation ---------------------------------------------------------


@pytest.mark.parametrize("guide, path", [("teachers.md", "meine_karten/karte.argmap"), ("teachers.en.md", "my_maps/map.argmap")])
def test_the_teacher_guides_start_with_argmap_serve(guide, path):
    """The first commands a teacher guide shows make the map's folder and run `argmap serve` on the map, and it parses."""
    import re

    text = (ROOT / "docs" / guide).read_text("utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, re.S).group(1).strip().splitlines()
    # The folder first (serve refuses a map in a folder that does not exist), then serve.
    assert first_block == [f"mkdir -p {path.split('/')[0]}", f".venv/bin/argmap serve {path}"]
    first = first_block[-1]
    args = build_parser("en").parse_args(first.split()[1:])
    assert args.command == "serve" and args.file == path


def test_editor_doc_shows_the_screenshots():
    """docs/editor.md shows the screenshots taken by scripts/editor_screenshots.py, and each is a PNG."""
    import re

    text = (ROOT / "docs" / "editor.md").read_text("utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((img/editor_[^)]+)\)", text)
    assert sorted(pictures) == ["img/editor_de.png", "img/editor_de_fehler.png", "img/editor_en.png"]
    for picture in pictures:
        assert (ROOT / "docs" / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
