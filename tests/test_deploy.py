"""What the IT colleague runs: serve.sh, the off-site check, and quiet builds."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT

SERVE = ROOT / "scripts" / "serve.sh"
CHECK_OFFSITE = ROOT / "scripts" / "check_offsite.py"
MKDOCS = Path(sys.executable).parent / "mkdocs"  # the console script: Material checks argv[0]
EOL_BANNER = "end of life"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def quiet_env() -> dict[str, str]:
    """The environment of a user who never heard of NO_MKDOCS_2_WARNING."""
    return {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}


# ---------------------------------------------------------------- serve.sh


def test_serve_on_a_busy_port_says_how_to_use_another(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        addr = f"127.0.0.1:{busy.getsockname()[1]}"
        proc = subprocess.run(["bash", str(SERVE), "-a", addr], capture_output=True, text=True,
                              timeout=60, check=False)
    assert proc.returncode == 1
    assert proc.stderr == (f"错误：地址 {addr} 已被占用（可能已有一个站点在运行）。请换一个端口，"
                           "例如：\n"
                           "  bash scripts/serve.sh -a 127.0.0.1:8001    "
                           "（然后打开 http://127.0.0.1:8001/）\n")
    assert "Traceback" not in proc.stdout + proc.stderr


def test_serve_rejects_a_malformed_address():
    proc = subprocess.run(["bash", str(SERVE), "--dev-addr=127.0.0.1:八千"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert proc.stderr == ("错误：地址 127.0.0.1:八千 的写法不对，"
                           "应为 主机:端口，例如 127.0.0.1:8001。\n")


def test_serve_starts_without_the_end_of_life_banner(tmp_path):
    addr = f"127.0.0.1:{free_port()}"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(["bash", str(SERVE), "-a", addr], stdout=out,
                                stderr=subprocess.STDOUT, env=quiet_env(), start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, log.read_text(encoding="utf-8")
            try:
                with urllib.request.urlopen(f"http://{addr}/", timeout=2) as response:
                    assert "公文写作范本库" in response.read().decode("utf-8")
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
                time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the session holds bash and the mkdocs it exec'd
        proc.wait(timeout=30)
    output = log.read_text(encoding="utf-8")
    assert EOL_BANNER not in output
    assert "Traceback" not in output


# ---------------------------------------------------------------- a plain build is quiet


def test_a_plain_mkdocs_build_prints_no_end_of_life_banner(tmp_path):
    proc = subprocess.run([str(MKDOCS), "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, env=quiet_env(), check=False)
    assert proc.returncode == 0, proc.stderr
    assert EOL_BANNER not in proc.stdout + proc.stderr


# ---------------------------------------------------------------- scripts/check_offsite.py


def run_check(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK_OFFSITE), str(site)], capture_output=True,
                          text=True, check=False)


def test_offsite_check_prints_nothing_on_the_real_build(built_site):
    # Every page carries a canonical link to site_url: the site's own address, not off-site.
    assert 'rel="canonical" href="http://' in (built_site.site / "index.html").read_text(
        encoding="utf-8")
    proc = run_check(built_site.site)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_offsite_check_reports_each_foreign_reference(tmp_path):
    (tmp_path / "sitemap.xml").write_text(
        "<urlset><url><loc>http://10.1.2.3/gongwen/</loc></url></urlset>", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="http://10.1.2.3/gongwen/">'
        '<script src="https://unpkg.com/iframe-worker/shim"></script>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        encoding="utf-8")
    proc = run_check(tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "index.html: https://unpkg.com/iframe-worker/shim",
        "index.html: https://fonts.googleapis.com/css?family=Roboto",
    ]


def test_offsite_check_refuses_a_folder_that_is_not_a_site(tmp_path):
    proc = run_check(tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"错误：{tmp_path} 不是构建好的站点（没有 index.html）")
