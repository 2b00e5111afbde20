"""The Learn content: complete, cross-linked, cited, and written at grade 8 or below."""

from __future__ import annotations

import pytest
import textstat

from vitidesk.core import lessons as lessons_module
from vitidesk.core.diagram_model import ELEMENTS, SIGNALS
from vitidesk.core.lesson_text import citation_keys, term_keys, to_html, to_plain_text
from vitidesk.core.lessons import LessonError, load_library

MAX_GRADE = 8.0  # US grade 8 (Flesch-Kincaid): the product rule for every patient text
MAX_DALE_CHALL = 7.5  # plain words, not just short sentences (Dale-Chall, textstat 0.7.4)


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_manifest_loads_with_all_eight_lessons(library) -> None:
    assert len(library.lessons) >= 8
    assert all(lesson.steps for lesson in library.lessons)
    assert library.last_reviewed
    ids = [lesson.id for lesson in library.lessons]
    assert len(ids) == len(set(ids))


def test_every_citation_resolves_and_every_reference_is_used(library) -> None:
    used = set()
    for lesson in library.lessons:
        for step in lesson.steps:
            keys = citation_keys(step.text)
            used.update(keys)
            assert all(key in library.references for key in keys)
    assert used == set(library.references), "unused references: " + ", ".join(
        sorted(set(library.references) - used)
    )
    assert [library.cite_number(key) for key in library.citation_order] == list(
        range(1, len(library.citation_order) + 1)
    )


def test_the_seed_review_is_among_the_references(library) -> None:
    dois = {reference.doi for reference in library.references.values()}
    assert "10.1016/j.cytogfr.2024.11.002" in dois


def test_every_glossary_term_used_is_defined(library) -> None:
    for lesson in library.lessons:
        for step in lesson.steps:
            for key in term_keys(step.text):
                assert key in library.glossary, (lesson.id, step.id, key)
    for entry in library.glossary.values():
        assert entry.definition.strip()
        assert "[@" not in entry.definition


def test_every_step_has_words_and_a_valid_diagram_state(library) -> None:
    for lesson in library.lessons:
        for step in lesson.steps:
            assert len(to_plain_text(step.text)) > 80, (lesson.id, step.id)
            assert not step.diagram.problems()
            assert set(step.diagram.highlight) <= set(ELEMENTS)
            assert set(step.diagram.animate) <= set(SIGNALS)


def test_each_lesson_reads_at_grade_8_or_below(library) -> None:
    grades = {
        lesson.id: textstat.flesch_kincaid_grade(lesson.plain_text()) for lesson in library.lessons
    }
    too_hard = {lesson_id: grade for lesson_id, grade in grades.items() if grade > MAX_GRADE}
    assert not too_hard, f"above grade {MAX_GRADE}: {too_hard}"


def _dale_chall_per_step(lesson) -> float:
    """The mean over the lesson's steps, each read as one screen (title and words).

    textstat counts each distinct hard word once per text, so a whole long lesson scores
    easier than any of its screens; the person reads one step at a time, so each step is
    scored on its own and the lesson gets their mean."""
    scores = [
        textstat.dale_chall_readability_score(f"{step.title}. {to_plain_text(step.text)}")
        for step in lesson.steps
    ]
    return sum(scores) / len(scores)


def test_each_lesson_uses_plain_words(library) -> None:
    scores = {lesson.id: _dale_chall_per_step(lesson) for lesson in library.lessons}
    whole = {
        lesson.id: textstat.dale_chall_readability_score(lesson.plain_text())
        for lesson in library.lessons
    }
    too_hard = {key: round(score, 2) for key, score in scores.items() if score > MAX_DALE_CHALL}
    assert not too_hard, f"Dale-Chall above {MAX_DALE_CHALL} (mean of steps): {too_hard}"
    assert all(score <= MAX_DALE_CHALL for score in whole.values()), whole


def test_the_pathway_lesson_covers_each_link_of_the_chain(library) -> None:
    text = " ".join(lesson.plain_text() for lesson in library.lessons).lower()
    for concept in (
        "cd8",
        "ifn-gamma",
        "receptor",
        "jak1",
        "jak2",
        "stat1",
        "nucleus",
        "cxcl9",
        "cxcl10",
        "cxcr3",
        "memory t cell",
        "il-15",
        "jak3",
    ):
        assert concept in text, concept


def test_oral_drugs_are_labelled_not_approved_for_vitiligo(library) -> None:
    text = " ".join(lesson.plain_text() for lesson in library.lessons).lower()
    assert "not approved" in text


def test_markup_becomes_links_and_plain_text() -> None:
    source = "Your [pigment cells](term:melanocyte) fade [@a; @b]. **Bold** and *soft*.\n> a note"
    html = to_html(source, {"a": 1, "b": 2}.__getitem__)
    assert '<a class="term" href="term:melanocyte">pigment cells</a>' in html
    assert '<sup>[<a href="cite:a">1</a>,<a href="cite:b">2</a>]</sup>' in html
    assert "<b>Bold</b>" in html and "<i>soft</i>" in html
    assert "a note" not in html
    assert to_plain_text(source) == "Your pigment cells fade. Bold and soft."


def test_a_broken_lesson_file_is_named_in_one_clear_error(monkeypatch) -> None:
    real = lessons_module.read_text

    def broken(*parts: str) -> str:
        text = real(*parts)
        if parts[-1].endswith(".md") and parts[-1].startswith("01"):
            return text + "\n\n## A stray step {#not-in-manifest}\nWords.\n"
        return text

    monkeypatch.setattr(lessons_module, "read_text", broken)
    with pytest.raises(LessonError, match=r"lessons/01.*not-in-manifest"):
        load_library()


def test_an_unknown_citation_is_caught(monkeypatch) -> None:
    real = lessons_module.read_text

    def broken(*parts: str) -> str:
        text = real(*parts)
        if parts[-1].startswith("02") and parts[-1].endswith(".md"):
            return text.replace("\n\n", " [@no-such-source]\n\n", 1)
        return text

    monkeypatch.setattr(lessons_module, "read_text", broken)
    with pytest.raises(LessonError, match="no-such-source"):
        load_library()
