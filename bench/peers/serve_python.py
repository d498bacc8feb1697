#!/usr/bin/env python3
"""The serving peer of bench/serve-chronology: what a quick service over the
same SQLite store gives, with Python's standard library only (http.server,
one thread per connection, sqlite3 with one read connection per thread).

GET /api/v1/children/{id}/chronology answers the child's own events (the
p_event_persons projection joined to events, in the order Sightline uses) as
JSON, each event's stored line spliced in. It checks no session, no
relationship, includes no carer's events and writes no audit record: a lower
bound of the work Sightline does per request.

Usage: serve_python.py DB PORTFILE   (writes the port it listens on to PORTFILE)
"""
import json
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

QUERY = (
    "SELECT e.seq, e.type, e.at, e.recorded, e.by, e.json "
    "FROM p_event_persons ep JOIN events e ON e.seq = ep.seq "
    "WHERE ep.person = ? GROUP BY e.seq ORDER BY e.at_s, e.recorded_s, e.seq"
)
PREFIX = "/api/v1/children/"
SUFFIX = "/chronology"


def main():
    db_path, port_file = sys.argv[1], sys.argv[2]
    local = threading.local()

    def connection():
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        return local.db

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as wrk expects

        def do_GET(self):
            if not (self.path.startswith(PREFIX) and self.path.endswith(SUFFIX)):
                self.send_error(404)
                return
            child = self.path[len(PREFIX) : -len(SUFFIX)]
            rows = connection().execute(QUERY, (child,)).fetchall()
            if not rows:
                self.send_error(404)
                return
            entries = ",".join(
                '{"seq":%d,"type":%s,"at":%s,"recorded":%s,"by":%s,"event":%s}'
                % (seq, json.dumps(t), json.dumps(at), json.dumps(rec), json.dumps(by), line)
                for seq, t, at, rec, by, line in rows
            )
            body = ('{"child":%s,"entries":[%s]}' % (json.dumps(child), entries)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            # A client that gave up (wrk closing a connection that timed out)
            # is not the server's error; anything else is printed as usual.
            if isinstance(sys.exc_info()[1], ConnectionError):
                return
            super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), Handler)
    with open(port_file, "w") as out:
        out.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
