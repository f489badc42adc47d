#!/usr/bin/env bash
# The Debian packages the tests need beyond Node and PostgreSQL: Chromium (browser tests, print to
# PDF), LibreOffice Calc (the Excel-dialect CSV opened as a Dutch spreadsheet would), poppler-utils
# (pdftoppm/pdfinfo for the print tests), gdal-bin (ogr2ogr reads the GeoJSON export as a GIS would)
# and a font. As root with apt-get they are installed;
# otherwise this stops at once with the one command that installs them.
set -euo pipefail
packages=(chromium fonts-dejavu-core libreoffice-calc-nogui poppler-utils gdal-bin)
missing=()
command -v chromium > /dev/null || missing+=(chromium fonts-dejavu-core)
command -v soffice > /dev/null || missing+=(libreoffice-calc-nogui)
command -v pdftoppm > /dev/null || missing+=(poppler-utils)
command -v ogr2ogr > /dev/null || missing+=(gdal-bin)
[ ${#missing[@]} -eq 0 ] && exit 0

install_cmd="apt-get update && apt-get install -y --no-install-recommends ${packages[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "== installing the system packages the tests use: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null; then
    exit 0
  fi
  echo "De systeempakketten voor de tests konden niet worden geïnstalleerd. Probeer: $install_cmd" >&2
  exit 1
fi
echo "De tests hebben ${missing[*]} nodig. Installeer ze eerst (als root): sudo sh -c '$install_cmd'" >&2
exit 1
