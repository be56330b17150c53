#!/usr/bin/env python3
"""The fixed, realistic query mix of scripts/bench.sh: places (big cities of several countries, and
whole countries), with and without text and kind. Writes one line per query:
country<TAB>city_id<TAB>lat<TAB>lon<TAB>subdivision<TAB>kind<TAB>text"""
import csv, sys

CITIES = [("NO", "Oslo"), ("SE", "Stockholm"), ("DE", "Berlin"), ("GB", "London"), ("US", "New York City"),
          ("US", "Los Angeles"), ("CN", "Shanghai"), ("IN", "Mumbai"), ("BR", "São Paulo"), ("JP", "Tokyo"),
          ("MX", "Mexico City"), ("NG", "Lagos")]
TEXTS = ["", "depression", "anxiety", "panic attacks", "can't sleep", "suicidal", "grief", "alcohol",
         "stress", "lonely", "depresion", "anxi"]
KINDS = ["", "in-person", "helplines", "online-therapy", "support-groups"]

def main(reference):
    rows = {}
    with open(reference, newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            key = (r["country"], r["name"])
            if key in dict.fromkeys(CITIES) and int(r["population"]) > int(rows.get(key, {}).get("population", -1)):
                rows[key] = r
    out = []
    for i, key in enumerate(CITIES):
        r = rows[key]
        for j in range(4):
            text = TEXTS[(i + 5 * j) % len(TEXTS)]
            kind = KINDS[(i + j) % len(KINDS)]
            out.append((r["country"], r["id"], r["lat"], r["lon"], r["subdivision"], kind, text))
    # Whole-country pages: the heaviest queries (every service of a big country is a candidate).
    for cc, kind, text in [("US", "helplines", ""), ("CN", "", "depression"), ("IN", "online-therapy", ""), ("NO", "", "")]:
        out.append((cc, "", "", "", "", kind, text))
    for row in out:
        print("\t".join(row))

main(sys.argv[1])
