"""Load the Learn content: the lesson manifest, lesson texts, references and glossary.

Everything lives in ``resources/lessons/`` as plain files a clinician can edit (see the
README there). :func:`load_library` reads and cross-checks them; any broken link, unknown key
or missing file raises :class:`LessonError` naming the file and the reason.

Translations (see :mod:`vitidesk.core.content_language`) replace words only: lesson texts,
titles, summaries and glossary definitions. Steps, diagrams and citations always come from
the English manifest, and a translation that does not fit them is dropped for English.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field

from vitidesk.core.content_language import (
    available_languages,
    preferred_languages,
    translated,
)
from vitidesk.core.diagram_model import DiagramState
from vitidesk.core.lesson_text import citation_keys, split_notes, term_keys, to_plain_text
from vitidesk.core.resources import read_text
from vitidesk.errors import UserError

STEP_HEADING = re.compile(r"^##\s+(.+?)\s*\{#([\w-]+)\}\s*$", re.MULTILINE)


class LessonError(UserError):
    """The lesson files are inconsistent."""


@dataclass(frozen=True)
class Reference:
    """One source as the reader sees it: a full citation and nothing else (no review notes)."""

    key: str
    title: str
    source: str
    authors: str = ""
    published: str = ""  # year, volume and pages, or a date
    pmid: str = ""
    doi: str = ""
    url: str = ""

    def citation(self) -> str:
        parts = [
            self.authors,
            self.title,
            "" if self.source == self.authors else self.source,
            self.published,
            f"PMID {self.pmid}" if self.pmid else "",
            f"doi:{self.doi}" if self.doi else "",
            self.url,
        ]
        text = ""
        for part in (p.strip() for p in parts if p.strip()):
            if text and text[-1] not in ".?!":
                text += "."
            text += (" " if text else "") + part
        return text if text.endswith((".", "?", "!")) else text + "."


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str  # the step's Markdown, audience text and presenter notes
    diagram: DiagramState

    @property
    def body(self) -> str:
        return split_notes(self.text)[0]

    @property
    def notes(self) -> str:
        return split_notes(self.text)[1]


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    summary: str
    file: str
    cites: tuple[str, ...]
    steps: tuple[Step, ...]

    def plain_text(self) -> str:
        return " ".join(f"{step.title}. {to_plain_text(step.text)}" for step in self.steps)


@dataclass
class Library:
    last_reviewed: str  # date of the last content review, shown in the app
    lessons: list[Lesson]
    references: dict[str, Reference]
    glossary: dict[str, GlossaryEntry]
    citation_order: list[str] = field(default_factory=list)
    language: str = "en"

    def cite_number(self, key: str) -> int:
        """Citations are numbered in order of first use across all lessons."""
        return self.citation_order.index(key) + 1

    def lesson(self, lesson_id: str) -> Lesson:
        return next(lesson for lesson in self.lessons if lesson.id == lesson_id)


def _parse_steps(file: str, text: str) -> dict[str, tuple[str, str]]:
    matches = list(STEP_HEADING.finditer(text))
    if not matches:
        raise LessonError(file, "no steps found (each step starts with '## Title {#step-id}')")
    steps: dict[str, tuple[str, str]] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        if match.group(2) in steps:
            raise LessonError(file, f"step id {match.group(2)!r} is used twice")
        steps[match.group(2)] = (match.group(1), text[match.end() : end].strip())
    return steps


def _load_toml(name: str) -> dict:
    try:
        return tomllib.loads(read_text("lessons", name))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LessonError(f"lessons/{name}", str(exc)) from exc


def _load_translated_toml(name: str, language: str | None) -> dict:
    node = translated("lessons", name, language) if language else None
    if node is None:
        return {}
    try:
        return tomllib.loads(node.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LessonError(f"lessons/l10n/{language}/{name}", str(exc)) from exc


def _load_lesson(entry: dict, library: Library) -> Lesson:
    file = entry["file"]
    where = f"lessons/{file}"
    try:
        node = translated("lessons", file, library.language)
        text = node.read_text(encoding="utf-8") if node else read_text("lessons", file)
        steps_text = _parse_steps(where, text)
    except OSError as exc:
        raise LessonError(where, "the lesson file is missing") from exc
    steps = []
    for step_entry in entry.get("step", []):
        step_id = step_entry["id"]
        if step_id not in steps_text:
            raise LessonError(
                where, f"the manifest names step {step_id!r}, the file has no such step"
            )
        title, text = steps_text.pop(step_id)
        diagram = DiagramState(
            highlight=tuple(step_entry.get("highlight", ())),
            animate=tuple(step_entry.get("animate", ())),
            inhibitor=bool(step_entry.get("inhibitor", False)),
            melanocyte=step_entry.get("melanocyte", "healthy"),
        )
        if problems := diagram.problems():
            raise LessonError(f"{where}#{step_id}", "; ".join(problems))
        steps.append(Step(step_id, title, text, diagram))
    if steps_text:
        raise LessonError(where, f"steps missing from the manifest: {', '.join(steps_text)}")
    lesson = Lesson(
        id=entry["id"],
        title=entry["title"],
        summary=entry.get("summary", ""),
        file=file,
        cites=tuple(entry.get("cites", ())),
        steps=tuple(steps),
    )
    for step in lesson.steps:
        for key in citation_keys(step.text):
            if key not in library.references:
                raise LessonError(f"{where}#{step.id}", f"citation [@{key}] has no reference")
            if key not in lesson.cites:
                raise LessonError(f"{where}#{step.id}", f"citation [@{key}] is not in the manifest")
            if key not in library.citation_order:
                library.citation_order.append(key)
        for key in term_keys(step.text):
            if key not in library.glossary:
                raise LessonError(f"{where}#{step.id}", f"glossary term {key!r} is not defined")
    return lesson


REFERENCE_FIELDS = ("authors", "title", "source", "published", "pmid", "doi", "url")


def load_references() -> dict[str, Reference]:
    data = _load_toml("references.toml")
    references = {}
    for key, item in data.items():
        where = f"lessons/references.toml [{key}]"
        if unknown := set(item) - set(REFERENCE_FIELDS):
            raise LessonError(where, f"unknown fields {sorted(unknown)}")
        try:
            references[key] = Reference(key=key, **{k: str(v) for k, v in item.items()})
        except TypeError as exc:
            raise LessonError(where, "needs a title and a source") from exc
    return references


def load_glossary(language: str | None = None) -> dict[str, GlossaryEntry]:
    data = _load_toml("glossary.toml")
    for key, words in _load_translated_toml("glossary.toml", language).items():
        if key in data and isinstance(words, dict):
            data[key] = {**data[key], **words}
    return {
        key: GlossaryEntry(
            key=key,
            term=item["term"],
            definition=item["definition"],
            aliases=tuple(item.get("aliases", ())),
        )
        for key, item in data.items()
    }


def load_library(languages: tuple[str, ...] | None = None) -> Library:
    """The lessons in the first of ``languages`` (default: the person's) that has a working
    translation, otherwise in English. Errors in the English files always raise."""
    if languages is None:
        languages = preferred_languages()
    for language in available_languages("lessons", languages):
        try:
            return _build_library(language)
        except (LessonError, KeyError, TypeError) as exc:
            logging.getLogger(__name__).warning("lessons in %s not used: %s", language, exc)
    return _build_library(None)


def _build_library(language: str | None) -> Library:
    manifest = _load_toml("manifest.toml")
    words = _load_translated_toml("manifest.toml", language)
    library = Library(
        last_reviewed=manifest["last_reviewed"],
        lessons=[],
        references=load_references(),
        glossary=load_glossary(language),
        language=language or "en",
    )
    titles = {entry.get("id"): entry for entry in words.get("lesson", [])}
    try:
        for entry in manifest["lesson"]:
            own = titles.get(entry["id"], {})
            entry = {**entry, **{k: own[k] for k in ("title", "summary") if k in own}}
            library.lessons.append(_load_lesson(entry, library))
    except KeyError as exc:
        raise LessonError("lessons/manifest.toml", f"missing field {exc}") from exc
    return library
