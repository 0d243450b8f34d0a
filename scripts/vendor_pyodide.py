#!/usr/bin/env python3
"""Vendor Pyodide from the npm registry into docs/assets/vendor/pyodide/ (run by a maintainer).

    python scripts/vendor_pyodide.py            # the pinned version below
    python scripts/vendor_pyodide.py --check    # only verify the committed files

`npm pack` fetches the pinned tarball (npm verifies it against the registry's integrity
hash); only the files the 检查我的稿件 page loads are copied, and their SHA-256 sums are
written to SHA256SUMS, which tests/test_draftcheck_vendor.py checks. The site then builds
with no npm and no network. The page loads pyodide.mjs in a module worker, which imports
pyodide.asm.mjs and fetches the wasm, the standard library zip and the lock file.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

VERSION = "314.0.7"
# The registry's integrity of pyodide-314.0.7.tgz (npm view pyodide@314.0.7 dist.integrity).
INTEGRITY = ("sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+"
             "SNvi/6V5JEsOlD2R1A==")
FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
         "pyodide-lock.json")
# Left out of python_stdlib.zip: modules neither Pyodide's start-up nor the checker imports
# (mail, network servers, debuggers, test tools, the REPL) and single-byte/legacy codecs,
# so that the page stays within 6 MB with gzip (the zip is already deflated: nginx cannot
# shrink it). The codecs drafts come in stay: UTF-8/16, GB18030/GBK/GB2312, and cp437
# (zipfile's legacy member names). tests/test_draftcheck_browser.py runs the real page.
STDLIB_LEFT_OUT = (
    "email/", "multiprocessing/", "_pyrepl/", "unittest/", "http/", "xmlrpc/", "wsgiref/",
    "sqlite3/", "tomllib/", "pdb.py", "doctest.py", "pydoc.py", "pydoc_data/", "imaplib.py",
    "pickletools.py", "mailbox.py", "smtplib.py", "ftplib.py", "poplib.py", "trace.py",
    "profile.py", "pstats.py", "cProfile.py", "bdb.py", "tabnanny.py", "pyclbr.py",
    "zipapp.py", "modulefinder.py", "wave.py", "turtle.py", "idlelib/", "tkinter/",
    "encodings/cp", "encodings/mac_", "encodings/iso8859_", "encodings/koi8_",
    "encodings/kz1048", "encodings/ptcp154", "encodings/hp_roman8", "encodings/tis_620",
    "encodings/palmos", "encodings/big5", "encodings/euc_", "encodings/iso2022_",
    "encodings/shift_jis", "encodings/johab", "encodings/hz",
)
STDLIB_KEPT = ("encodings/cp437.py",)
ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "vendor" / "pyodide"
SUMS = "SHA256SUMS"

SOURCE = f"""\
Pyodide {VERSION} (npm package "pyodide", licence MPL-2.0: see LICENSE.txt in this folder)
Tarball integrity (npm): {INTEGRITY}
Files copied from package/ of the tarball: {", ".join(FILES)}; all unchanged except
python_stdlib.zip, repacked without modules the checker never uses (list:
STDLIB_LEFT_OUT in scripts/vendor_pyodide.py) to keep the page under 6 MB with gzip.
Checksums: SHA256SUMS (verified by tests/test_draftcheck_vendor.py)

Why: the 检查我的稿件 page runs the project's Python checker in the browser. Pyodide is
served from the site itself, never from a CDN, so the page works on an intranet and the
draft never leaves the browser. Only that page loads these files.
To update: change VERSION and INTEGRITY in scripts/vendor_pyodide.py and run it.
"""

LICENSE = """\
Pyodide is distributed under the Mozilla Public License 2.0 (MPL-2.0), as declared in
the "license" field of the npm package's package.json. The files in this folder are
unmodified copies; their source is the Pyodide project (github.com/pyodide/pyodide),
and the licence text is at mozilla.org/MPL/2.0/.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sums_text(folder: Path) -> str:
    return "".join(f"{sha256(folder / name)}  {name}\n" for name in FILES)


def verify(folder: Path = TARGET) -> list[str]:
    """Problems with the committed copy (empty when it matches SHA256SUMS)."""
    sums = folder / SUMS
    if not sums.is_file():
        return [f"缺少 {sums}"]
    problems = []
    listed = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    if sorted(listed) != sorted(FILES):
        problems.append(f"{SUMS} 列出的文件应为 {sorted(FILES)}，实为 {sorted(listed)}")
    for name, digest in listed.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"缺少 {path}")
        elif sha256(path) != digest:
            problems.append(f"{path} 与 {SUMS} 不符（文件被改动或不完整）")
    return problems


def trim_stdlib(data: bytes) -> bytes:
    """python_stdlib.zip without STDLIB_LEFT_OUT (same member dates: a repeatable result)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            name = info.filename
            if name.startswith(STDLIB_LEFT_OUT) and name not in STDLIB_KEPT:
                continue
            target.writestr(zipfile.ZipInfo(name, info.date_time), source.read(info),
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def vendor() -> None:
    with tempfile.TemporaryDirectory(prefix="pyodide-") as tmp:
        subprocess.run(["npm", "pack", f"pyodide@{VERSION}", "--pack-destination", tmp],
                       check=True, cwd=tmp, capture_output=True)
        tarball = Path(tmp) / f"pyodide-{VERSION}.tgz"
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if f"sha512-{digest}" != INTEGRITY:
            raise SystemExit(f"错误：{tarball.name} 的校验值与 INTEGRITY 不符，未复制任何文件。")
        with tarfile.open(tarball) as tar:
            TARGET.mkdir(parents=True, exist_ok=True)
            for name in FILES:
                member = tar.extractfile(f"package/{name}")
                if member is None:
                    raise SystemExit(f"错误：npm 包中没有 package/{name}")
                data = member.read()
                (TARGET / name).write_bytes(trim_stdlib(data) if name == "python_stdlib.zip"
                                            else data)
    (TARGET / "SOURCE.txt").write_text(SOURCE, encoding="utf-8")
    (TARGET / "LICENSE.txt").write_text(LICENSE, encoding="utf-8")
    (TARGET / SUMS).write_text(sums_text(TARGET), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=f"从 npm 取得 Pyodide {VERSION}，复制所需文件")
    parser.add_argument("--check", action="store_true", help="只校验已提交的文件")
    args = parser.parse_args(argv)
    if not args.check:
        vendor()
    problems = verify()
    for problem in problems:
        print(f"错误：{problem}", file=sys.stderr)
    if not problems:
        print(f"Pyodide {VERSION}：{len(FILES)}个文件与 {SUMS} 一致（{TARGET.relative_to(ROOT)}）")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
