"""Is a database exactly what VitiDesk's own migrations make, and do its rows read back?

A store (or a database inside a backup) must hold the tables, columns and indexes that a
fresh migration to its data version produces, and nothing else: no trigger, view, virtual
table or extra table, which could otherwise change answers behind the person's back and
ride along into every later backup. The rows must have the shape the app writes (answers,
flags and dates that parse), so a store that passes never crashes a screen. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sqlite3
from collections.abc import Callable, Iterator

from vitidesk.storage.migrations import MIGRATIONS, split_statements

MAX_ROW_PROBLEMS = 20  # a damaged table can have thousands of bad rows: name the first few
_SPACES = re.compile(r"\s+")
_HEX = frozenset("0123456789abcdef")


def _normal(sql: str | None) -> str:
    return _SPACES.sub(" ", sql or "").strip()


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(str(t), str(n)): (str(tbl), _normal(sql)) for t, n, tbl, sql in rows}


@functools.cache
def expected_schema(version: int) -> dict[tuple[str, str], tuple[str, str]]:
    """Every schema object a fresh store migrated to ``version`` has."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for script in MIGRATIONS[:version]:
            for statement in split_statements(script):
                conn.execute(statement)
        return _objects(conn)
    finally:
        conn.close()


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs between this database's schema and VitiDesk's own at ``version``."""
    if not 0 <= version <= len(MIGRATIONS):
        return [f"data version {version} is not one VitiDesk knows"]
    actual = _objects(conn)
    expected = expected_schema(version)
    problems = []
    for kind, name in sorted(set(actual) - set(expected)):
        problems.append(f"an extra {kind} {name!r} that VitiDesk never makes")
    for kind, name in sorted(set(expected) - set(actual), key=lambda k: (k[0] != "table", k)):
        problems.append(f"the {kind} {name!r} is missing")
    for key in sorted(set(actual) & set(expected)):
        if actual[key] != expected[key]:
            problems.append(f"the {key[0]} {key[1]!r} is not the shape VitiDesk makes")
    return problems


# -- rows ------------------------------------------------------------------------------------
def _aware_moment(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.tzinfo is not None and moment.utcoffset() is not None


def _moment(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _day(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _whole(value: object) -> bool:
    return type(value) is int


def _size(value: object) -> bool:
    return type(value) is int and value >= 0


def _json(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("not text")
    return json.loads(value)


def _int_list(value: object, *, blanks: bool = False) -> bool:
    try:
        items = _json(value)
    except ValueError:
        return False
    allowed = (int, type(None)) if blanks else (int,)
    return isinstance(items, list) and all(
        type(item) in allowed and type(item) is not bool for item in items
    )


def _text_list(value: object) -> bool:
    try:
        items = _json(value)
    except ValueError:
        return False
    return isinstance(items, list) and all(isinstance(item, str) for item in items)


def _parses(value: object) -> bool:
    try:
        _json(value)
    except ValueError:
        return False
    return True


def _safe_relpath(value: object) -> bool:
    if not isinstance(value, str) or not value or "\\" in value or "\x00" in value:
        return False
    return not value.startswith("/") and all(p not in ("", ".", "..") for p in value.split("/"))


def _sha256(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


Check = Callable[[object], bool]

# table -> (first data version that has it, the column checks, what a failed check means)
ROW_RULES: dict[str, tuple[int, dict[str, tuple[Check, str]]]] = {
    "settings": (1, {"key": (lambda v: isinstance(v, str), "no name"), "value": (_parses, "")}),
    "files": (
        1,
        {
            "relpath": (_safe_relpath, "a path outside the data folder"),
            "sha256": (_sha256, "no valid checksum"),
            "size_bytes": (_size, "no valid size"),
        },
    ),
    "photos": (
        3,
        {
            "taken_at": (_day, "a date that does not parse"),
            "width": (_whole, "a width that is not a number"),
            "height": (_whole, "a height that is not a number"),
        },
    ),
    "responses": (
        4,
        {
            "instrument": (lambda v: isinstance(v, str) and bool(v), "no questionnaire"),
            "taken_at": (_aware_moment, "a date that does not parse"),
            "taken_utc": (_aware_moment, "a date that does not parse"),
            "answers": (_int_list, "answers that do not parse"),
            "flags": (_text_list, "flags that do not parse"),
            "raw": (_whole, "a score that is not a number"),
            "percent": (lambda v: v is None or _whole(v), "a percentage that is not a number"),
            "difficulty": (lambda v: v is None or _whole(v), "an answer that is not a number"),
        },
    ),
    "response_drafts": (
        4,
        {
            "answers": (lambda v: _int_list(v, blanks=True), "answers that do not parse"),
            "position": (_whole, "a position that is not a number"),
        },
    ),
    "diary": (
        5,
        {
            "taken_at": (_moment, "a date that does not parse"),
            "rating": (_whole, "a rating that is not a number"),
        },
    ),
}


def _bad_rows(conn: sqlite3.Connection, table: str, rules: dict) -> Iterator[str]:
    columns = list(rules)
    sql = f'SELECT rowid, {", ".join(columns)} FROM "{table}"'  # names from ROW_RULES only
    for row in conn.execute(sql):
        for column, value in zip(columns, row[1:], strict=True):
            check, meaning = rules[column]
            if not check(value):
                yield f"row {row[0]} of {table} has {meaning or f'a {column} that does not parse'}"
                break


def row_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """Rows the app could not read back (run only on a schema that passed)."""
    problems: list[str] = []
    for table, (since, rules) in ROW_RULES.items():
        if version < since:
            continue
        for problem in _bad_rows(conn, table, rules):
            problems.append(problem)
            if len(problems) >= MAX_ROW_PROBLEMS:
                return problems
    return problems
