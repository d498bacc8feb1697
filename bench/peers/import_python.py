#!/usr/bin/env python3
"""The peer of `sightline import`: what a council analyst would write instead.

Loads a JSON Lines feed into an SQLite table with Python's standard library
only (json, sqlite3): one row per line with its type, at, recorded (at when the
line has none), by and the line itself, in one transaction, with the same
durability settings as Sightline's store (WAL journal, synchronous=FULL).

It checks nothing beyond "each line is JSON with a type and an at", keeps no
digest, builds no projection and does not skip lines already stored: the work
Sightline does on top of this is what the comparison measures.

Usage: import_python.py FEED DB
"""

import json
import sqlite3
import sys


def rows(path):
    with open(path, encoding="utf-8") as feed:
        for line in feed:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            event = json.loads(line)
            yield (event["type"], event["at"], event.get("recorded", event["at"]),
                   event.get("by"), line)


def main(argv):
    if len(argv) != 3:
        print("usage: import_python.py FEED DB", file=sys.stderr)
        return 2
    feed, db = argv[1], argv[2]
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, "
                "at TEXT NOT NULL, recorded TEXT NOT NULL, by TEXT, json TEXT NOT NULL)")
    con.execute("BEGIN")
    try:
        cur = con.executemany(
            "INSERT INTO events(type, at, recorded, by, json) VALUES (?, ?, ?, ?, ?)", rows(feed))
        stored = cur.rowcount
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    print(f"Imported {feed} into {db}: {stored} events stored.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
