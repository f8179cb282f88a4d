#!/usr/bin/env bash
# System packages the browser and HTML tests need, installed with apt when missing (as root):
# Chromium (axe-core, keyboard, screenshots), a Java runtime (the Nu Html Checker), Node.js
# with npm (axe-core and vnu-jar, pinned in package.json), CJK fonts (readable screenshots).
set -euo pipefail
need=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || need+=(chromium)
command -v java >/dev/null || need+=(default-jre-headless)
command -v npm >/dev/null || need+=(nodejs npm)
if ! command -v fc-list >/dev/null || ! fc-list :lang=zh | grep -q .; then need+=(fonts-noto-cjk); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "missing system packages: ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
