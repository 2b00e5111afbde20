"""An honest empty state for a section whose tools are not in this version yet."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from vitidesk.ui.widgets.page import Card, SectionPage


def upcoming_section(
    title: str, lead: str, what_it_will_do: list[str], privacy: str, parent: QWidget | None = None
) -> SectionPage:
    page = SectionPage(title, lead, parent)
    plan = Card(page.tr("Not in this version yet"))
    plan.add_text(
        page.tr("This part of VitiDesk is still being built. When it is ready, it will let you:")
    )
    for item in what_it_will_do:
        plan.add_text(f"•  {item}")
    page.add(plan)
    note = Card(page.tr("Your privacy"))
    note.add_text(privacy)
    page.add(note)
    return page
