"""The SQL the SQLite store ran before issue 15 item 5, timed on the benchmark's 1M-ticket file.

    python3 Benchmarks/peers/store_sql_baseline.py Benchmarks/.data/tickets-1000000-v2.sqlite

Next to `formrunner-bench tickets`' rows for counts and two-word search, in the same session:
- count: `SELECT count(*) FROM ticket WHERE status = ?` (the (status, number) index walked), 20 runs
  per status, against the one-row read of `ticket_status_count` the store does now;
- two-word search: two words of a random ticket's title (seeded), each a prefix phrase
  (`"w1"* AND "w2"*`, FTS5 merges every word each begins before the first row), newest 20 first,
  against the store's query now: each word expanded to the stored words it begins from
  `ticket_search_term`, joined by OR (read lazily, newest first). 1,000 searches each.
Only the SQL, in Python's sqlite3 (the same libsqlite3), no ticket decoded: the floor of each side.
Prints Markdown.
"""
import random
import sqlite3
import statistics
import sys
import time


def timed(function, arguments):
    samples = []
    for argument in arguments:
        began = time.perf_counter()
        function(argument)
        samples.append(time.perf_counter() - began)
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99 + 0.999) - 1)]
    return statistics.mean(samples), samples[(len(samples) - 1) // 2], p99


def quoted(word):
    return '"' + word.replace('"', '""') + '"'


def main():
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    rows = []
    for status in ["open", "awaiting_reply", "solved", "closed"]:
        before = timed(lambda s: db.execute("SELECT count(*) FROM ticket WHERE status = ?", (s,)).fetchone(), [status] * 20)
        after = timed(lambda s: db.execute("SELECT tickets FROM ticket_status_count WHERE status = ?", (s,)).fetchone(),
                      [status] * 20)
        rows.append((f"count(status: {status})", before, after))

    generator = random.Random(2026_12_04)
    last = db.execute("SELECT max(number) FROM ticket").fetchone()[0]
    phrases = []
    while len(phrases) < 1000:
        title = db.execute("SELECT title FROM ticket WHERE number = ?", (generator.randint(1, last),)).fetchone()[0]
        words = sorted(set(title.lower().split()))
        if len(words) >= 2:
            phrases.append(generator.sample(words, 2))

    def prefix(words):
        query = " AND ".join(quoted(word) + "*" for word in words)
        return db.execute("SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid DESC LIMIT 20",
                          (query,)).fetchall()

    def expanded(words):
        groups = []
        for word in words:
            terms = [row[0] for row in db.execute(
                "SELECT term FROM ticket_search_term WHERE term >= ?1 AND term < ?1 || char(1114111) LIMIT 65", (word,))
                if row[0].startswith(word)]
            groups.append(quoted(word) + "*" if len(terms) > 64 else "(" + " OR ".join(map(quoted, terms)) + ")")
        return db.execute("SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid DESC LIMIT 20",
                          (" AND ".join(groups),)).fetchall()

    assert all(prefix(words) == expanded(words) for words in phrases[:50]), "the two queries disagree"
    rows.append(("two-word search, newest 20", timed(prefix, phrases), timed(expanded, phrases)))

    print("| SQL only, Python sqlite3 | before: mean | p50 | p99 | after: mean | p50 | p99 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, before, after in rows:
        cells = [f"{value * 1000:.3f} ms" for value in before + after]
        print(f"| {name} | " + " | ".join(cells) + " |")


main()
