"""Load the Learn content: the lesson manifest, lesson texts, references and glossary.

Everything lives in ``resources/lessons/`` as plain files a clinician can edit (see the
README there). :func:`load_library` reads and cross-checks them; any broken link, unknown key
or missing file raises :class:`LessonError` naming the file and the reason.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from vitidesk.core.diagram_model import DiagramState
from vitidesk.core.lesson_text import citation_keys, split_notes, term_keys, to_plain_text
from vitidesk.core.resources import read_text
from vitidesk.errors import UserError

STEP_HEADING = re.compile(r"^##\s+(.+?)\s*\{#([\w-]+)\}\s*$", re.MULTILINE)


class LessonError(UserError):
    """The lesson files are inconsistent."""


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    title: str
    source: str
    year: int | None
    doi: str = ""
    label: str = ""

    def citation(self) -> str:
        year = f" {self.year}." if self.year else ""
        where = f" doi:{self.doi}" if self.doi else (f" {self.label}" if self.label else "")
        return f"{self.authors}. {self.title}. {self.source}.{year}{where}".replace("..", ".")


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
    last_reviewed: str
    review_note: str
    lessons: list[Lesson]
    references: dict[str, Reference]
    glossary: dict[str, GlossaryEntry]
    citation_order: list[str] = field(default_factory=list)

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


def _load_lesson(entry: dict, library: Library) -> Lesson:
    file = entry["file"]
    where = f"lessons/{file}"
    try:
        steps_text = _parse_steps(where, read_text("lessons", file))
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


def load_references() -> dict[str, Reference]:
    data = _load_toml("references.toml")
    return {
        key: Reference(
            key=key,
            authors=item["authors"],
            title=item["title"],
            source=item["source"],
            year=item.get("year"),
            doi=item.get("doi", ""),
            label=item.get("label", ""),
        )
        for key, item in data.items()
    }


def load_glossary() -> dict[str, GlossaryEntry]:
    data = _load_toml("glossary.toml")
    return {
        key: GlossaryEntry(
            key=key,
            term=item["term"],
            definition=item["definition"],
            aliases=tuple(item.get("aliases", ())),
        )
        for key, item in data.items()
    }


def load_library() -> Library:
    manifest = _load_toml("manifest.toml")
    library = Library(
        last_reviewed=manifest["last_reviewed"],
        review_note=manifest.get("review_note", ""),
        lessons=[],
        references=load_references(),
        glossary=load_glossary(),
    )
    try:
        for entry in manifest["lesson"]:
            library.lessons.append(_load_lesson(entry, library))
    except KeyError as exc:
        raise LessonError("lessons/manifest.toml", f"missing field {exc}") from exc
    return library
