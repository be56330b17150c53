#!/usr/bin/env python3
"""PostgreSQL side of scripts/bench.sh: the approach of existing open-source directories (tsvector with a
GIN index, earthdistance for distance), on the same generated data and the same query mix.

  pg.py load FILE...        writes services.tsv (to COPY) from Help Atlas JSON files
  pg.py queries QUERIES DIR writes one pgbench script per query of the mix into DIR
"""
import json, os, sys

CONFIGS = {"en": "english", "no": "norwegian", "nb": "norwegian", "sv": "swedish", "da": "danish", "de": "german",
           "fi": "finnish", "es": "spanish", "fr": "french", "pt": "portuguese", "it": "italian", "nl": "dutch",
           "ru": "russian", "tr": "turkish", "hu": "hungarian", "ro": "romanian"}

def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("\\", " ")

def load(files):
    out = open("services.tsv", "w")
    for path in files:
        d = json.load(open(path))
        locs = {l["id"]: l for l in d["locations"]}
        orgs = {o["id"]: o["name"] for o in d["organizations"]}
        for s in d["services"]:
            world, country, sub, alat, alon, akm = "f", "", "", "", "", ""
            for a in s["areas"]:
                if a == "world": world = "t"
                elif a.startswith("radius:"): alat, alon, akm = a[7:].split(",")
                elif "-" in a: sub = a; country = a[:2]
                else: country = a
            loc = locs.get((s.get("location_ids") or [None])[0])
            langs = s.get("languages") or ["en"]
            text = " ".join([s["name"], s.get("description", ""), orgs.get(s["organization_id"], ""),
                             " ".join(t.replace("-", " ") for t in s.get("topics", []))])
            row = [s["id"], s["kind"], clean(s["name"]), world, country, sub, alat, alon, akm,
                   str(loc["point"]["lat"]) if loc else "", str(loc["point"]["lon"]) if loc else "",
                   s["verified_on"], CONFIGS.get(langs[0], "simple"), clean(text)]
            out.write("\t".join(x if x != "" else "\\N" for x in row) + "\n")

def lit(s):
    return "'" + s.replace("'", "''") + "'"

def queries(mix, outdir):
    os.makedirs(outdir, exist_ok=True)
    for n, line in enumerate(open(mix)):
        cc, city, lat, lon, sub, kind, text = line.rstrip("\n").split("\t")
        where = [f"world", f"country = {lit(cc)}"]
        dist = "NULL::float8"
        if city:
            p = f"ll_to_earth({lat}, {lon})"
            where.append(f"subdivision = {lit(sub)}")
            # Radius areas in the data are at most 80 km; locations count within 50 km.
            where.append(f"(earth_box({p}, 80000) @> ll_to_earth(area_lat, area_lon) "
                         f"AND earth_distance(ll_to_earth(area_lat, area_lon), {p}) <= area_km * 1000)")
            where.append(f"(earth_box({p}, 50000) @> ll_to_earth(loc_lat, loc_lon) "
                         f"AND earth_distance(ll_to_earth(loc_lat, loc_lon), {p}) <= 50000)")
            dist = f"earth_distance(ll_to_earth(loc_lat, loc_lon), {p})"
        else:
            where.append(f"subdivision LIKE {lit(cc + '-%')}")
        cond = "(" + " OR ".join(where) + ")"
        rank = "0::float4"
        if text:
            tsq = f"(plainto_tsquery('english', {lit(text)}) || plainto_tsquery('simple', {lit(text)}))"
            cond += f" AND tsv @@ {tsq}"
            rank = f"ts_rank(tsv, {tsq})"
        kind_filter = f"WHERE kind = {lit(kind)}" if kind else ""
        sql = (f"WITH hits AS (SELECT id, name, kind, verified_on, {rank} AS r, {dist} AS d FROM services WHERE {cond}) "
               f"SELECT (SELECT count(*) FROM hits {kind_filter}), "
               f"(SELECT json_agg(k) FROM (SELECT kind, count(*) FROM hits GROUP BY kind) k), "
               f"(SELECT json_agg(t) FROM (SELECT id, name, d FROM hits {kind_filter} "
               f"ORDER BY r DESC, d NULLS LAST, verified_on DESC, name, id LIMIT 20) t);\n")
        open(os.path.join(outdir, f"q{n:03}.sql"), "w").write(sql)

if sys.argv[1] == "load":
    load(sys.argv[2:])
else:
    queries(sys.argv[2], sys.argv[3])
