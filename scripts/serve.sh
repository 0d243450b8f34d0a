#!/usr/bin/env bash
# Install the site's dependencies (pinned, in .venv) and serve it on http://127.0.0.1:8000.
# Extra arguments go to `mkdocs serve`; another address: bash scripts/serve.sh -a 127.0.0.1:8001
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

# The address mkdocs will use: ours, unless the caller passes -a/--dev-addr.
addr=127.0.0.1:8000
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -a | --dev-addr) addr="${args[i + 1]:-}" ;;
    --dev-addr=*) addr="${args[i]#--dev-addr=}" ;;
    -a?*) addr="${args[i]#-a}" ;;
  esac
done

# Check the port before building: a busy port otherwise ends in a Python traceback.
if ! "$PYTHON" - "$addr" <<'PY'
import errno
import socket
import sys

addr = sys.argv[1]
host, _, port = addr.rpartition(":")
host = host.strip("[]") or "127.0.0.1"
if not port.isdigit():
    sys.exit(f"错误：地址 {addr} 的写法不对，应为 主机:端口，例如 127.0.0.1:8001。")
try:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as mkdocs' server does
        s.bind((host, int(port)))
except OSError as exc:
    busy = exc.errno == errno.EADDRINUSE
    problem = "已被占用（可能已有一个站点在运行）" if busy else f"无法使用（{exc.strerror}）"
    sys.exit(f"错误：地址 {addr} {problem}。请换一个端口，例如：\n"
             "  bash scripts/serve.sh -a 127.0.0.1:8001    （然后打开 http://127.0.0.1:8001/）")
PY
then
  exit 1
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
# Material 9.8 prints an end-of-life notice on every start; the plan is on 维护 → 部署.
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve -a 127.0.0.1:8000 "$@"
