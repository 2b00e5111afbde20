"""The measurement kept with each photo (migration 6): its region, the person's marks, the
patch mask and its share. One row per photo, replaced on every save, deleted with the photo.
No Qt. Rows that do not read back (hand-edited, damaged) are treated as no measurement."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

from vitidesk.storage.database import Store

Point = tuple[float, float]


@dataclass(frozen=True)
class MeasurementRow:
    photo_id: int
    outline: tuple[Point, ...]
    seeds: dict  # as vitidesk.core.seeded.Seeds.as_dict() writes it
    fraction: float | None
    method: str
    light: str
    area_cm2: float | None
    mask_png: bytes | None
    saved_at: dt.datetime


class MeasurementStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, row: MeasurementRow) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO photo_measurements (photo_id, outline, seeds, fraction, "
                "method, light, area_cm2, mask, saved_at) "
                "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS "
                "(SELECT 1 FROM photos WHERE id = ?)",
                (
                    row.photo_id,
                    json.dumps([[float(x), float(y)] for x, y in row.outline]),
                    json.dumps(row.seeds),
                    row.fraction,
                    row.method,
                    row.light,
                    row.area_cm2,
                    row.mask_png,
                    row.saved_at.isoformat(timespec="seconds"),
                    row.photo_id,
                ),
            )

    def load(self, photo_id: int) -> MeasurementRow | None:
        rows = self.store.query(
            "SELECT photo_id, outline, seeds, fraction, method, light, area_cm2, mask, saved_at "
            "FROM photo_measurements WHERE photo_id = ?",
            (int(photo_id),),
        )
        return _row(rows[0]) if rows else None

    def delete(self, photo_id: int) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM photo_measurements WHERE photo_id = ?", (int(photo_id),))


def _row(values: tuple) -> MeasurementRow | None:
    photo_id, outline, seeds, fraction, method, light, area, mask, saved_at = values
    try:
        points = tuple((float(x), float(y)) for x, y in json.loads(outline))
        if not all(math.isfinite(v) for p in points for v in p):
            return None
        marks = json.loads(seeds)
        if not isinstance(marks, dict):
            return None
        when = dt.datetime.fromisoformat(saved_at)
    except (TypeError, ValueError):
        return None
    return MeasurementRow(
        int(photo_id),
        points,
        marks,
        None if fraction is None else float(fraction),
        str(method),
        str(light),
        None if area is None else float(area),
        bytes(mask) if mask is not None else None,
        when,
    )
