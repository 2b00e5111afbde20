"""The small Markdown dialect lessons are written in, turned into HTML or plain text.

Supported: paragraphs, ``- `` bullet lists, ``**bold**``, ``*italic*``, glossary links
``[pigment cells](term:melanocyte)``, citations ``[@key]`` or ``[@key1; @key2]``, and
presenter notes (lines starting with ``> ``, shown to the presenter only).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

CITATION = re.compile(r"\[@([\w-]+(?:\s*;\s*@[\w-]+)*)\]")
TERM_LINK = re.compile(r"\[([^\]]+)\]\(term:([\w-]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)")


def citation_keys(text: str) -> list[str]:
    keys: list[str] = []
    for match in CITATION.finditer(text):
        keys.extend(part.strip().lstrip("@") for part in match.group(1).split(";"))
    return keys


def term_keys(text: str) -> list[str]:
    return [match.group(2) for match in TERM_LINK.finditer(text)]


def split_notes(text: str) -> tuple[str, str]:
    """Separate the audience text from the presenter notes (``> `` lines)."""
    body, notes = [], []
    for line in text.splitlines():
        if line.startswith(">"):
            notes.append(line[1:].strip())
        else:
            body.append(line)
    return "\n".join(body).strip(), " ".join(n for n in notes if n).strip()


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def to_plain_text(text: str) -> str:
    """Readable prose with the markup removed (for readability scores and search)."""
    body, _ = split_notes(text)
    body = CITATION.sub("", body)
    body = TERM_LINK.sub(r"\1", body)
    body = BOLD.sub(r"\1", body)
    body = ITALIC.sub(r"\1", body)
    sentences = []
    for block in _blocks(body):
        for line in block:
            line = line.strip()
            if line.startswith("- "):
                line = line[2:].strip()
            if line and line[-1] not in ".!?:":
                line += "."
            sentences.append(line)
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(sentences))


def to_html(text: str, cite_number: Callable[[str], int]) -> str:
    """HTML for a QTextBrowser: term links as ``term:KEY``, citations as ``cite:KEY`` links."""
    body, _ = split_notes(text)

    def inline(raw: str) -> str:
        escaped = html.escape(raw, quote=False)
        escaped = BOLD.sub(r"<b>\1</b>", escaped)
        escaped = ITALIC.sub(r"<i>\1</i>", escaped)
        escaped = TERM_LINK.sub(r'<a class="term" href="term:\2">\1</a>', escaped)

        def cite(match: re.Match[str]) -> str:
            keys = [part.strip().lstrip("@") for part in match.group(1).split(";")]
            links = ",".join(f'<a href="cite:{key}">{cite_number(key)}</a>' for key in keys)
            return f"<sup>[{links}]</sup>"

        return CITATION.sub(cite, escaped)

    parts = []
    for block in _blocks(body):
        if all(line.lstrip().startswith("- ") for line in block):
            items = "".join(f"<li>{inline(line.lstrip()[2:])}</li>" for line in block)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{inline(' '.join(line.strip() for line in block))}</p>")
    return "\n".join(parts)
