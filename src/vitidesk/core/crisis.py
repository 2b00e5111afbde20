"""Crisis contacts for the "Get help" screen, from a reviewed and dated data file.

The region comes from the person's setting, never from a guess; with no region set the app
asks where the person lives rather than listing every country at once. The generic "local
emergency number" line is always shown, and so is a local number the person or their
clinician saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from vitidesk.core.resources import read_json


@dataclass(frozen=True)
class Contact:
    name: str
    number: str
    details: str


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


def load_crisis_directory() -> CrisisDirectory:
    data = read_json("crisis", "contacts.json")
    regions = tuple(
        Region(
            id=item["id"],
            name=item["name"],
            contacts=tuple(
                Contact(name=c["name"], number=c["number"], details=c["details"])
                for c in item["contacts"]
            ),
        )
        for item in data["regions"]
    )
    return CrisisDirectory(
        last_checked=data["last_checked"],
        emergency_line=data["emergency_line"],
        regions=regions,
    )
