#!/usr/bin/env bash
# System packages, installed with apt when missing (as root); otherwise the command to run is printed.
#   bash tests/setup-system.sh build   what the site build needs (`make`, `make serve`): Pango and
#                                      fontconfig for WeasyPrint, and Debian's Noto CJK fonts, for the
#                                      PDF editions (generator/render/pdf/)
#   bash tests/setup-system.sh         that, and what the tests need: Chromium (axe-core, keyboard,
#                                      screenshots), a Java runtime (the Nu Html Checker), Node.js with
#                                      npm (axe-core and vnu-jar, pinned in package.json), poppler-utils
#                                      (pdftoppm: the PDF editions' pages as PNG), a Latin
#                                      sans-serif font (English pages)
set -euo pipefail
need=()
LDCONFIG=$(command -v ldconfig || echo /sbin/ldconfig)
have_lib() { "$LDCONFIG" -p 2>/dev/null | grep -q "$1"; }
have_lib 'libpango-1\.0\.so\.0' || need+=(libpango-1.0-0)
have_lib 'libpangoft2-1\.0\.so\.0' || need+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset\.so\.0' || need+=(libharfbuzz-subset0)
command -v fc-list >/dev/null || need+=(fontconfig)
# the PDF editions use Noto Serif/Sans CJK SC and HK (generator/render/pdf/document.py FONTS)
if ! command -v fc-list >/dev/null || ! fc-list : family | grep -q 'Noto Serif CJK HK'; then need+=(fonts-noto-cjk); fi
if [ "${1:-}" != build ]; then
  command -v chromium >/dev/null || command -v chromium-browser >/dev/null || need+=(chromium)
  command -v java >/dev/null || need+=(default-jre-headless)
  command -v npm >/dev/null || need+=(nodejs npm)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  # a Latin sans-serif: English pages must not fall back to a CJK font's Latin letters (tests/chromium/test_readers.py)
  fc-list : family 2>/dev/null | grep -qiE "^(DejaVu Sans|Liberation Sans|Noto Sans)(,|$)" || need+=(fonts-dejavu-core)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "missing system packages: ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
