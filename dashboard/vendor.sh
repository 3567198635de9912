#!/usr/bin/env bash
# Refresh the JavaScript and map data the dashboard ships, from the versions pinned in
# package-lock.json: ECharts (Apache-2.0), topojson-client (ISC) and world-atlas (ISC; the
# outlines are Natural Earth's, public domain). The copies are committed, so that the package
# works offline and nothing is fetched at run time; run this after changing package.json.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../src/dyad/api/static/vendor
mkdir -p "$out"
cp node_modules/echarts/dist/echarts.min.js "$out/"
cp node_modules/echarts/LICENSE "$out/echarts.LICENSE"
cp node_modules/echarts/NOTICE "$out/echarts.NOTICE"  # Apache-2.0: the NOTICE travels with the work
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/"
cp node_modules/topojson-client/LICENSE "$out/topojson-client.LICENSE"
cp node_modules/world-atlas/countries-110m.json "$out/"
cp node_modules/world-atlas/LICENSE "$out/world-atlas.LICENSE"
node -e '
const lock = require("./package-lock.json").packages;
const names = ["echarts", "topojson-client", "world-atlas"];
const versions = Object.fromEntries(names.map(n => [n, lock["node_modules/" + n].version]));
require("fs").writeFileSync(process.argv[1], JSON.stringify(versions, null, 1) + "\n");
' "$out/versions.json"
cat "$out/versions.json"
