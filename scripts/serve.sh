#!/usr/bin/env bash
# Install the site's dependencies (pinned, in .venv) and serve it on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
exec .venv/bin/mkdocs serve -a 127.0.0.1:8000 "$@"
