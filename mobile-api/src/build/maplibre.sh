#!/usr/bin/env bash
# Puts MapLibre GL JS (the prebuilt dist/ of the npm package) where the console's static files are
# served from, so the console loads it from our own server and never from a CDN.
#   maplibre.sh <version> <sha512 integrity of the npm tarball> <output dir>
# The tarball comes through npm's own client and cache (npm pack --prefer-offline), so an offline
# build works once it has been fetched once; its integrity is checked against the pinned value.
set -euo pipefail
version="$1" integrity="$2" out="$3"
stamp="$out/console/vendor/MAPLIBRE_VERSION"
# the CSP build too: its worker is a file of its own, so the page needs no blob: worker under the CSP
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version csp" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "mobile-api: the console needs npm (Debian package npm) to fetch MapLibre GL JS $version" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "maplibre-gl@$version" --prefer-offline --silent --no-fund --no-audit >/dev/null 2>"$work/npm.log") \
  || { cat "$work/npm.log" >&2; echo "mobile-api: npm could not fetch maplibre-gl@$version (first build needs the npm registry)" >&2; exit 1; }
tarball="$work/maplibre-gl-$version.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$actual" = "$integrity" ] || { echo "mobile-api: maplibre-gl-$version.tgz has integrity $actual, expected $integrity" >&2; exit 1; }
mkdir -p "$out/console/vendor"
tar -xzf "$tarball" -C "$work" package/dist/maplibre-gl.js package/dist/maplibre-gl.css package/dist/maplibre-gl-csp.js \
  package/dist/maplibre-gl-csp-worker.js package/LICENSE.txt
cp "$work/package/dist/maplibre-gl.js" "$work/package/dist/maplibre-gl.css" "$work/package/dist/maplibre-gl-csp.js" \
  "$work/package/dist/maplibre-gl-csp-worker.js" "$out/console/vendor/"
cp "$work/package/LICENSE.txt" "$out/console/vendor/MAPLIBRE_LICENSE.txt"
echo "$version csp" > "$stamp"
