#!/usr/bin/env python3
"""Paths of many distinct results pages, for a mix whose records seldom repeat: one city page per
city of more than 100,000 people (shuffled, at most N), the kinds in turn; no text, or with `text` the
benchmark mix's words in turn (a text query whose place was not searched lately).

    scripts/bench/city-pages.py data/reference/cities.tsv [N] [SEED] [text] > DIR/html.paths

With DIR/data linked to a bench directory's data, `scripts/bench/compare.sh DIR SECONDS BIN...` then
measures pages whose records a server has mostly not shown lately (default N 3000, SEED 7)."""
import random
import urllib.parse
import sys

KINDS = ["search", "in-person", "helplines", "online-therapy", "support-groups", "communities"]
TEXTS = ["depression", "anxiety", "panic attacks", "can't sleep", "suicidal", "grief", "alcohol", "stress",
         "lonely", "depresion", "anxi"]


def main() -> None:
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    with_text = len(sys.argv) > 4 and sys.argv[4] == "text"
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    rows = [r for r in rows if int(r[6] or 0) > 100_000]
    random.Random(seed).shuffle(rows)
    for i, r in enumerate(rows[:n]):
        text = "&q=" + urllib.parse.quote_plus(TEXTS[i % len(TEXTS)]) if with_text else ""
        print(f"/{r[2].lower()}/{KINDS[i % len(KINDS)]}?city={r[0]}{text}")


if __name__ == "__main__":
    main()
