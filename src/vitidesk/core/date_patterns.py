"""Shorter date patterns cut from a locale's own long pattern (pure text, no Qt).

A locale gives a long pattern such as ``dddd, MMMM d, yyyy`` (en_US) or ``dddd, d. MMMM yyyy``
(de_DE), in the field letters Qt uses (d, M, y; text in quotes is literal). Dropping fields
keeps the locale's order and separators: without the weekday ``MMMM d, yyyy``, without the
day ``MMMM yyyy``, without the year ``MMMM d``. A separator goes with the field it follows
(or, for the last field, with the punctuation before it).
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"'(?:[^']|'')*'|d+|M+|y+|[^dMy']+")
_FIELD = re.compile(r"d+|M+|y+")


def _split(pattern: str) -> list[str]:
    """Fields (``d``, ``MMMM``, ``yyyy``...) and the literal text between them, merged."""
    tokens: list[str] = []
    for token in _TOKENS.findall(pattern):
        if tokens and not _is_field(token) and not _is_field(tokens[-1]):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def _is_field(token: str) -> bool:
    return _FIELD.fullmatch(token) is not None


def _is_loose(literal: str) -> bool:
    """Punctuation, spaces or quoted words: a separator, not a suffix such as 日."""
    return "'" in literal or not any(ch.isalnum() for ch in literal)


def drop_fields(pattern: str, letter: str, lengths: tuple[int, ...] = (1, 2, 3, 4)) -> str:
    """``pattern`` without the fields of ``letter`` (d, M or y) whose length is in
    ``lengths``, and without the separators that belong to them."""
    tokens = _split(pattern)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not (_is_field(token) and token[0] == letter and len(token) in lengths):
            index += 1
            continue
        del tokens[index]
        if index < len(tokens) and not _is_field(tokens[index]):
            del tokens[index]  # what follows a field goes with it ("d, ", "yyyy年")
        last = not any(_is_field(t) for t in tokens[index:])
        before = tokens[index - 1] if index > 0 else ""
        if last and before and not _is_field(before) and _is_loose(before):
            del tokens[index - 1]  # the last field: the punctuation before it (", yyyy")
            index -= 1
    return "".join(tokens).strip(" ,")


def without_weekday(long_pattern: str) -> str:
    """``dddd, d MMMM yyyy`` -> ``d MMMM yyyy``."""
    return drop_fields(long_pattern, "d", (3, 4))


def day_month_year(long_pattern: str, short_month: bool = False) -> str:
    """The long date without the weekday, month names shortened on request."""
    pattern = without_weekday(long_pattern)
    return re.sub(r"M{4}", "MMM", pattern) if short_month else pattern


def month_year(long_pattern: str, short_month: bool = True) -> str:
    """``dddd, MMMM d, yyyy`` -> ``MMM yyyy``."""
    return drop_fields(day_month_year(long_pattern, short_month), "d")


def day_month(long_pattern: str, short_month: bool = True) -> str:
    """``dddd, MMMM d, yyyy`` -> ``MMM d``."""
    return drop_fields(day_month_year(long_pattern, short_month), "y")


def month_only(long_pattern: str, short_month: bool = True) -> str:
    return drop_fields(month_year(long_pattern, short_month), "y")
