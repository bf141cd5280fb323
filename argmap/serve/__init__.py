"""``argmap serve``: edit a map in the browser, the text on the left and
the drawn map on the right, redrawn as you type.

A thin layer over the public API: :mod:`~argmap.serve.views` answers the
page's questions with :func:`argmap.read`, :func:`argmap.check`,
:func:`argmap.evaluate`, the drawing, :func:`argmap.worksheet` and
:func:`argmap.outline`; :mod:`~argmap.serve.document` reads and saves the
one file; :mod:`~argmap.serve.server` is the HTTP server (127.0.0.1 only);
the page's scripts and styles ship in ``static/`` (docs/editor.md).
"""

from argmap.serve.document import Document
from argmap.serve.server import LOCALHOST, EditorServer, make_server

__all__ = ["Document", "EditorServer", "make_server", "LOCALHOST"]
