"""A real local HTTP server for URL-ingest tests: a thread serving a few fixed paths, counting hits."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Harbour council delays the Velmar bridge vote</title></head><body><article>
<h1>Harbour council delays the Velmar bridge vote</h1>
<p>The harbour council of Velmar postponed its vote on the new bridge on Tuesday, after engineers
warned that the budget had been underestimated by at least a third.</p>
<p>"We cannot ask residents to pay for a bridge whose cost we do not know," said council chair
Edda Moravec, who called the delay a matter of basic honesty.</p>
<p>According to a report seen by the Velmar Courier, the regional transport office believes the
project could cost 240 million crowns rather than the 180 million first announced. The office
declined to comment on the report.</p>
<p>Opposition councillors accused the chair of stalling. The vote may now take place in June,
officials said.</p>
</article></body></html>"""


class LocalSite:
    """`with LocalSite() as site: site.url("/article")`; `site.hits` lists (path, Host header)."""

    def __init__(self):
        self.hits: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                site.hits.append((self.path, self.headers.get("Host", "")))
                if self.path == "/article":
                    self._send(ARTICLE_HTML.encode(), "text/html; charset=utf-8")
                elif self.path == "/big":
                    self._send(b"word " * 400_000, "text/plain")
                elif self.path == "/big-no-length":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()  # no Content-Length: the body runs until the connection closes
                    for _ in range(40):
                        self.wfile.write(b"word " * 10_000)
                    self.close_connection = True
                elif self.path == "/slow":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    for _ in range(60):  # a byte every 0.1 s: each read is quick, the whole is not
                        try:
                            self.wfile.write(b"x")
                            self.wfile.flush()
                        except OSError:
                            return
                        time.sleep(0.1)
                    self.close_connection = True
                elif self.path == "/image":
                    self._send(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
                else:
                    self.send_error(404)

            def _send(self, body: bytes, ctype: str):
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
