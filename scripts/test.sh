#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium and LibreOffice,
# npm test assets), then run every test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

echo "== Python packages (.venv)"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

echo "== Debian packages"
# chromium (browser tests, never a downloaded browser), LibreOffice (the .docx → PDF test),
# CJK fonts (screenshots, PDF page counts), npm (axe-core for the accessibility tests).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
lean=()  # LibreOffice's recommends are hundreds of MB the test does not use
command -v soffice >/dev/null 2>&1 || lean+=(libreoffice-writer)
command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || need+=(fonts-noto-cjk)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ $((${#need[@]} + ${#lean[@]})) -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -E"
  echo "installing: ${need[*]} ${lean[*]}"
  $SUDO apt-get update -qq
  export DEBIAN_FRONTEND=noninteractive
  [ ${#need[@]} -eq 0 ] || $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  [ ${#lean[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
fi

if [ -f tests/browser/package.json ]; then
  echo "== npm test assets (tests/browser)"
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi

echo "== pytest"
exec .venv/bin/python -m pytest "$@"
