#!/usr/bin/env python3
"""Infer the county of each Census place that the place-to-county relationship file leaves without one.

The Census 2020 relationship file behind geo_places_with_population_2025.csv gives no county for 55 places (the
"balance" parts of consolidated cities, and places and CDPs that are new or changed since 2020). For each, this
script tests the place's Census internal point (gazetteer INTPTLAT/INTPTLONG) against the Census 2023 cartographic
county boundaries (us-atlas-2023, 1:10,000,000) and writes the county that contains it. At that scale a point within
about a kilometre of a county line can fall on the wrong side, and a place that spans counties gets only the one
holding its internal point, so the application shows these counties as inferred.

usage: scripts/infer-place-counties.py PLACES_CSV COUNTIES_TOPOJSON > src/main/resources/jurisdiction/census/place_counties_inferred.csv
  e.g. scripts/infer-place-counties.py ../shared/data/geo_places_with_population_2025.csv \
           ../shared/data/boundaries_us-atlas-2023-4.0.0_counties-10m.json
"""
import csv
import json
import sys


def decode_arcs(topology):
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry, arcs):
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def inside(point, rings):
    """Even-odd rule over all rings of one polygon (the outer ring and its holes)."""
    x, y = point
    result = False
    for r in rings:
        for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                result = not result
    return result


def main(places_csv, topojson_path):
    topology = json.load(open(topojson_path))
    arcs = decode_arcs(topology)
    counties = []
    for geometry in topology["objects"]["counties"]["geometries"]:
        shapes = polygons(geometry, arcs)
        xs = [p[0] for s in shapes for r in s for p in r]
        ys = [p[1] for s in shapes for r in s for p in r]
        if xs:
            counties.append((geometry["id"], (min(xs), min(ys), max(xs), max(ys)), shapes))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["place_geoid", "county_geoid", "method"])
    missing = 0
    for row in csv.DictReader(open(places_csv, encoding="utf-8")):
        if row["county_geoids"]:
            continue
        point = (float(row["lon"]), float(row["lat"]))
        found = [geoid for geoid, (x0, y0, x1, y1), shapes in counties
                 if geoid[:2] == row["state_fips"] and x0 <= point[0] <= x1 and y0 <= point[1] <= y1
                 and any(inside(point, rings) for rings in shapes)]
        if len(found) == 1:
            out.writerow([row["place_geoid"], found[0], "internal point in 2023 county boundaries"])
        else:
            missing += 1
            print(f"{row['place_geoid']} {row['name']}: {len(found)} counties contain its internal point", file=sys.stderr)
    if missing:
        print(f"{missing} places left without a county", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
