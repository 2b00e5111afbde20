"""Crisis contacts for the "Get help" screen, from a reviewed and dated data file.

The region comes from the person's setting, never from a guess; with no region set the app
asks where the person lives rather than listing every country at once. The generic "local
emergency number" line is always shown, and so is a local number the person or their
clinician saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from vitidesk.core.resources import read_json
from vitidesk.errors import UserError

CONTACT_FIELDS = ("name", "number", "details", "source", "checked")


class CrisisDataError(UserError):
    """The crisis contacts file is missing a field every contact must have."""


@dataclass(frozen=True)
class Contact:
    name: str
    number: str
    details: str
    source: str = ""  # where the number was verified (kept for review, not shown)
    checked: str = ""  # the date it was last checked against that source


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class CrisisDirectory:
    last_checked: str
    emergency_line: str
    regions: tuple[Region, ...]

    def region_ids(self) -> list[str]:
        return [region.id for region in self.regions]

    def region(self, region_id: str) -> Region | None:
        """The listed region with this id; None when none is set, or for "somewhere else"."""
        return next((region for region in self.regions if region.id == region_id), None)


def _contact(region_id: str, item: dict) -> Contact:
    missing = [name for name in CONTACT_FIELDS if not str(item.get(name, "")).strip()]
    if missing:
        where = f"crisis/contacts.json [{region_id}] {item.get('name', '?')}"
        raise CrisisDataError(where, f"missing {', '.join(missing)}")
    return Contact(**{name: str(item[name]) for name in CONTACT_FIELDS})


def load_crisis_directory() -> CrisisDirectory:
    data = read_json("crisis", "contacts.json")
    regions = tuple(
        Region(
            id=item["id"],
            name=item["name"],
            contacts=tuple(_contact(item["id"], c) for c in item["contacts"]),
        )
        for item in data["regions"]
    )
    return CrisisDirectory(
        last_checked=data["last_checked"],
        emergency_line=data["emergency_line"],
        regions=regions,
    )
