"""YAML front matter of a Markdown page, with the line where the body starts.

Line numbers in findings are the file's real 1-based lines, so the body keeps
track of how many lines the front matter took.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import indexOf

_OPEN = "---"
_CLOSE = ("---", "...")
CLOSING = frozenset(_CLOSE)
# Budgets: front matter is a few lines of metadata. YAML aliases can make 577 bytes expand
# to 10^9 values (gigabytes, 40 s), so the expanded size is counted before it is built.
MAX_BYTES = 64 * 1024
MAX_NODES = 10_000

# The shapes of the front matter of this site's pages: `key: value` lines (a plain value
# or one in quotes without escapes, a trailing comment), under a bare `key:` one level of
# `  key: value` lines or a list of such mappings (`- rule: GW103 ⏎   reason: …`). These
# are read without yaml (its Python constructor was a fifth of reading a page), giving
# the very keys, values and types CSafeLoader gives; anything else goes to yaml.
# A line of these shapes: RE_ENTRY below.
# Printable characters that are never a line break or a byte-order mark (nor a tab).
RE_UNUSUAL = re.compile(r"[^\n\x20-\x7e\u00a1-\u2027\u2030-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
# YAML's indicators and marks that end or quote a plain value: never in a plain value.
RE_PLAIN_EXCLUDED = re.compile(r"[:#{}\[\],&*!|>'\"%@`\\]|^[-?]")
# The same test as its two parts: the first character, then a search led by a class
# (re skips to candidates in C; with the ^ branch it tried both at every character).
PLAIN_EXCLUDED_LEADS = "-?"
RE_PLAIN_EXCLUDED_MARKS = re.compile(r"[:#{}\[\],&*!|>'\"%@`\\]")
# A line of the simple shapes: its indentation, the dash of a list item, `key:`, and its
# value after spaces: a value that no mark or indicator makes more than plain text (not
# led by "-" or "?", none of RE_PLAIN_EXCLUDED_MARKS, no space at its end) in the 4th
# group, any other in the 5th (one match asks what _scalar would ask first).
_MARKS = RE_PLAIN_EXCLUDED_MARKS.pattern[1:-1]
RE_ENTRY = re.compile(r"( *)(- )?([A-Za-z_][A-Za-z0-9_-]*):"
                      rf"(?: +(?:([^ \-?{_MARKS}][^{_MARKS}]*(?<! ))$|(.*)))?$")
# RE_ENTRY for every line of a block at once (findall: no match call per line): the same
# pattern, anchored at each line's start, its classes kept within the line.
RE_ENTRIES = re.compile(r"^( *)(- )?([A-Za-z_][A-Za-z0-9_-]*):"
                        rf"(?: +(?:([^ \-?{_MARKS}\n][^{_MARKS}\n]*(?<! ))$|(.*)))?$",
                        re.MULTILINE)
RE_DECIMAL = re.compile(r"0|[1-9][0-9]*")
RE_FLOAT = re.compile(r"[0-9]+\.[0-9]+")
_OTHER = object()  # a value outside the simple shapes

@dataclass
class FrontMatter:
    """meta: the parsed mapping ({} when absent); body_start: 0-based index of the
    first body line; error: why the block could not be read, if it could not."""

    meta: dict = field(default_factory=dict)
    body_start: int = 0
    error: str | None = None
    present: bool = False
    over_budget: bool = False  # too big or too many aliases: refused unread


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Read a leading `---` … `---` block from `lines` (without line ends)."""
    if not lines or lines[0].rstrip() != _OPEN:
        return FrontMatter()
    # The closing line, looked for in C (map, indexOf): a loop in Python cost a microsecond.
    try:
        index = indexOf(map(CLOSING.__contains__, map(str.rstrip, islice(lines, 1, None))),
                        True) + 1
    except ValueError:  # an opening `---` with no closing line: MkDocs treats it as body text too
        return FrontMatter()
    block = "\n".join(lines[1:index])
    yaml = _yaml()
    # libyaml's loader when PyYAML has it: front matter parsing was most of the time.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        problem = _over_budget(block, loader)
        if problem:
            return FrontMatter({}, index + 1, problem, True, over_budget=True)
        meta = _simple(block, yaml)
        if meta is None:
            meta = yaml.load(block, Loader=loader) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 2}行：" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter({}, index + 1, f"{where}{problem}", True)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return FrontMatter({}, index + 1,
                           f"应为键值映射（mapping），实为 {type(meta).__name__}", True)
    return FrontMatter(meta, index + 1, None, True)


_YAML: list = []  # the yaml module, once imported


def _yaml():
    """yaml, imported on first use: the browser checks plain text under Pyodide, which has
    no PyYAML. (Kept after: an import statement at every page cost more than a pass.)"""
    if not _YAML:
        import yaml

        _YAML.append(yaml)
    return _YAML[0]


def _scalar(raw: str, yaml) -> object:
    """A one-line value (after `key: `) as yaml reads it; None for none; _OTHER if the
    value is not in the simple shape."""
    if raw[:1] in ("'", '"'):
        end = raw.find(raw[0], 1)
        rest = raw[end + 1:] if end > 0 else "x"
        if end < 0 or "\\" in raw[:end] or rest.strip(" ") and not (
                rest[0] == " " and rest.lstrip(" ")[0] == "#"):
            return _OTHER
        return raw[1:end]
    cut = raw.find(" #")  # a comment after the value
    value = (raw[:cut] if cut >= 0 else raw).rstrip(" ")
    if not value or value[0] == "#":
        return None  # a bare key (with a comment)
    if value[0] in PLAIN_EXCLUDED_LEADS or RE_PLAIN_EXCLUDED_MARKS.search(value):
        return _OTHER  # (RE_PLAIN_EXCLUDED)
    return _resolved(value, yaml)


def _resolved(value: str, yaml) -> object:
    """A plain value (no mark, indicator, comment or space at its ends) as yaml reads it:
    yaml's own implicit resolvers decide its type (as CSafeLoader's), and it is built as
    yaml's SafeConstructor builds it; _OTHER for a type left to yaml."""
    resolvers = _RESOLVERS or _resolvers(yaml)
    if _ASCII_ONLY[0] and not value.isascii():
        return value  # (2025年度…: no resolver of yaml's can match it)
    for kind, regexp in resolvers.get(value[0], _WILDCARD):
        if regexp.match(value):
            if kind == "bool":
                return yaml.constructor.SafeConstructor.bool_values[value.lower()]
            if kind == "int" and RE_DECIMAL.fullmatch(value):
                return int(value)
            if kind == "float" and RE_FLOAT.fullmatch(value):
                return float(value)
            return _OTHER  # null is written as a bare key here; dates and the rest: yaml
    return value


_RESOLVERS: dict[str, list] = {}
_WILDCARD: list = []
# Do yaml's resolvers match ASCII text alone? Then a value with any other character is a
# string without trying them. Worked out from their patterns with the table (see
# _matches_ascii_only): True for PyYAML's own.
_ASCII_ONLY = [False]


def _resolvers(yaml) -> dict[str, list]:
    """yaml's implicit resolvers by first character, wildcards appended, as (kind, regexp)."""
    if not _RESOLVERS:
        table = yaml.resolver.Resolver.yaml_implicit_resolvers
        _WILDCARD.extend((tag.rsplit(":", 1)[1], rx) for tag, rx in table.get(None, []))
        for lead, rules in table.items():
            if lead is not None:
                _RESOLVERS[lead] = [(tag.rsplit(":", 1)[1], rx) for tag, rx in rules] + _WILDCARD
        _ASCII_ONLY[0] = all(_matches_ascii_only(rx) for rules in table.values()
                             for _, rx in rules)
    return _RESOLVERS


def _matches_ascii_only(regexp: re.Pattern[str]) -> bool:
    """Can `regexp` match only ASCII text? Yes when it is spelt in ASCII and has nothing
    that takes other characters: no ., \\w, \\s, \\d (nor their capitals), no [^…], no
    escape that spells a character by number (\\u5e74) and no IGNORECASE (under which k
    matches the Kelvin sign). (Cautious: [.] counts as a dot, \\1 as an escape.)"""
    source = regexp.pattern
    return source.isascii() and not regexp.flags & re.IGNORECASE and "[^" not in source \
        and re.search(r"\\[wWsSdDxuUN0-9]", source) is None \
        and "." not in re.sub(r"\\.", "", source)


@lru_cache(maxsize=256)
def _plain_key(key: str, yaml) -> bool:
    """Does yaml read `key` as this string (not true, null, …)?"""
    return _scalar(key, yaml) == key


def _simple(block: str, yaml) -> dict | None:
    """`block` read as yaml.load would, when it has one of the simple shapes; else None."""
    if "&" in block or "\t" in block or RE_UNUSUAL.search(block):
        return None
    resolved = _RESOLVERS or _resolvers(yaml)
    # A value that starts with a character no resolver of yaml's is led by (none is led by
    # any: _WILDCARD), or that has a character they never match (_ASCII_ONLY), is a plain
    # string if nothing else marks it: most values (summary, 教师进修学校).
    ascii_only, no_wildcard = _ASCII_ONLY[0], not _WILDCARD
    out: dict = {}
    parent: str | None = None  # the bare key whose value the lines below build
    shape = ""                 # what it is: "map" or "list" (once its first line is read)
    indent = 0                 # the indentation of its entries, or of its dashes
    # Every line an entry (most blocks): the entries of one findall, as RE_ENTRY reads each
    # line ("" for a group that took no part). Else line by line, for the blank lines and
    # comments it skips.
    entries = RE_ENTRIES.findall(block)
    if len(entries) != block.count("\n") + 1:
        entries = _entries(block)
        if entries is None:
            return None
    for spaces, dash, key, plain, raw in entries:
        # (A key led by no resolver's character is plain, as a value is: _plain_key's
        # answer without its call.)
        if (not no_wildcard or key[0] in resolved) and not _plain_key(key, yaml):
            return None
        if plain and (no_wildcard and plain[0] not in resolved
                      or ascii_only and not plain.isascii()):
            value = plain  # (_scalar's answer, without its steps)
        elif plain:
            value = _resolved(plain, yaml)  # (_scalar's answer, without its first steps)
            if value is _OTHER:
                return None
        elif not raw:
            value = None
        elif (lead := raw[0]) in QUOTES and raw[-1] == lead and raw.count(lead) == 2 \
                and "\\" not in raw:
            value = raw[1:-1]  # a quoted value and nothing after it: _scalar's answer
        else:
            value = _scalar(raw, yaml)
            if value is _OTHER:
                return None
        if not spaces and not dash:  # a key of the top level (most lines)
            out[key] = value
            parent, shape = (key, "") if value is None else (None, "")
            continue
        depth = len(spaces)
        if dash:  # a list item under the bare key: - key: value
            if parent is None or shape == "map" or shape == "list" and depth != indent \
                    or value is None:
                return None
            if shape == "":
                shape, indent, out[parent] = "list", depth, []
            out[parent].append({key: value})
            continue
        if parent is None or value is None:
            return None
        elif shape == "list":
            if depth != indent + 2:
                return None
            out[parent][-1][key] = value
        elif shape == "map":
            if depth != indent:
                return None
            out[parent][key] = value
        else:
            shape, indent, out[parent] = "map", depth, {key: value}
    return out


def _entries(block: str) -> list[tuple[str, ...]] | None:
    """RE_ENTRY's groups of each line of `block` ("" for None), blank lines and comments
    left out; None if a line is neither an entry nor one of those."""
    out: list[tuple[str, ...]] = []
    match = RE_ENTRY.match
    for line in block.split("\n"):
        m = match(line)
        if m is None:
            bare = line.lstrip(" ")
            if not bare or bare[0] == "#":
                continue  # a blank line or a comment
            return None
        out.append(m.groups(""))
    return out


# What a quoted value starts with.
QUOTES = "'\""


def _over_budget(block: str, loader) -> str | None:
    """Why `block` is refused unread (too large, or aliases that expand too far), or None."""
    size = len(block.encode("utf-8"))
    if size > MAX_BYTES:
        return (f"front matter 过大（{size // 1024} KB，上限 {MAX_BYTES // 1024} KB）："
                "这里只应有标题、文种等几行信息")
    if "&" not in block:  # no anchor, no alias: nothing can expand
        return None
    import yaml

    root = yaml.compose(block, Loader=loader)
    if root is not None and _expanded_size(root) > MAX_NODES:
        return (f"front matter 中的 YAML 别名（&、*）展开后超过 {MAX_NODES} 项：不像页面信息，"
                "未读取。请删去别名，直接写出各项的值")
    return None


def _expanded_size(root) -> int:
    """Nodes in the tree `root` stands for, each alias counted as a full copy (memoised on
    the shared nodes, so the count itself is cheap); a cycle counts as too many."""
    sizes: dict[int, int] = {}
    stack: list[tuple[object, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        value = node.value
        children = ([c for pair in value for c in pair] if isinstance(value, list) and value
                    and isinstance(value[0], tuple) else value if isinstance(value, list) else [])
        if done:
            open_nodes.discard(key)
            sizes[key] = min(MAX_NODES + 1, 1 + sum(sizes[id(c)] for c in children))
            continue
        if key in open_nodes:
            return MAX_NODES + 1  # a node that contains itself
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]
