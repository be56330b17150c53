#!/usr/bin/env python3
"""Validates Help Atlas's HSDS output against the official HSDS 3.0 files in ../shared/hsds-3.0:
an exported JSON file (each organization document against schema/compiled/organization.json) and
the API of a running server (documents against the compiled schemas, list pages against the `Page`
envelope of schema/openapi.json and their items against schema/compiled/*_list.json).

usage: validate-hsds.py HSDS_DIR export.json http://127.0.0.1:PORT
"""
import json
import sys
import urllib.request

from jsonschema import Draft202012Validator


def validator(hsds, name):
    with open(f"{hsds}/schema/compiled/{name}.json", encoding="utf-8") as f:
        return Draft202012Validator(json.load(f))


def check(v, document, where):
    errors = sorted(v.iter_errors(document), key=lambda e: list(e.path))
    for e in errors[:5]:
        print(f"{where}: {'/'.join(map(str, e.path))}: {e.message[:300]}", file=sys.stderr)
    return not errors


def get(base, path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)


def main(hsds, export, base):
    ok = True
    organization = validator(hsds, "organization")
    with open(export, encoding="utf-8") as f:
        documents = json.load(f)
    for i, doc in enumerate(documents):
        ok &= check(organization, doc, f"{export} document {i + 1}")
    print(f"{export}: {len(documents)} organization documents checked")

    with open(f"{hsds}/schema/openapi.json", encoding="utf-8") as f:
        page = Draft202012Validator(json.load(f)["components"]["schemas"]["Page"])
    for resource, item, full in [
        ("services", "service_list", "service"),
        ("organizations", "organization_list", "organization"),
        ("service_at_locations", "service_at_location_list", "service_at_location"),
    ]:
        items, whole = validator(hsds, item), validator(hsds, full)
        listing = get(base, f"/api/{resource}?per_page=100")
        ok &= check(page, listing, f"/api/{resource}")
        for doc in listing["contents"]:
            ok &= check(items, doc, f"/api/{resource} item {doc.get('id')}")
        for doc in listing["contents"][:10]:
            ok &= check(whole, get(base, f"/api/{resource}/{doc['id']}"), f"/api/{resource}/{doc['id']}")
        print(f"/api/{resource}: {len(listing['contents'])} items checked")
    for resource in ["taxonomies", "taxonomy_terms"]:
        ok &= check(page, get(base, f"/api/{resource}"), f"/api/{resource}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
