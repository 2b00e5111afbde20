"""What was measured on a photo, kept with it: the region (an outline in the photo's own
pixels), the clicks and painted corrections, and the patch mask with its share. The next
visit opens on the same region, and a report can reuse the estimate instead of measuring
again. No widgets.

Backing: the store's ``photo_measurements`` table (migration 6,
:mod:`vitidesk.storage.measurements`), one row per photo, gone with the photo. Given no store
(or something that is not one), it keeps them in memory for the life of the app.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import weakref
from dataclasses import dataclass, field

from vitidesk.core.seeded import Seeds
from vitidesk.services.changes import Changes, Listener, Service

Point = tuple[float, float]


@dataclass(frozen=True)
class SavedMeasurement:
    photo_id: int
    outline: tuple[Point, ...]  # the region, in the photo's own pixels; () = the whole photo
    seeds: Seeds
    fraction: float | None  # the share counted depigmented (None: refused)
    method: str  # "automatic" or "seeded"
    light: str  # "visible" or "uv"
    area_cm2: float | None = None
    mask_png: bytes | None = field(default=None, repr=False)  # 255 = counted, working size
    saved_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())

    def mask(self):
        """The saved mask as a bool array (None if none was saved)."""
        if self.mask_png is None:
            return None
        import numpy as np
        from PIL import Image

        with Image.open(io.BytesIO(self.mask_png)) as image:
            return np.asarray(image.convert("L")) > 127


def encode_mask(mask) -> bytes:
    """A bool array as a small 1-bit PNG."""
    import numpy as np
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.asarray(mask, dtype=bool)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


_MEMORY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # store -> its measurements
_LOCK = threading.Lock()


class MeasurementService(Service):
    """Save and load the measurement of one photo (see the module's notes on its backing)."""

    def __init__(self, store: object | None = None, listener: Listener | None = None) -> None:
        super().__init__(listener)
        from vitidesk.storage.database import Store

        self._table = None
        self._saved: dict[int, SavedMeasurement] = {}
        if isinstance(store, Store):
            from vitidesk.storage.measurements import MeasurementStore

            self._table = MeasurementStore(store)
        elif store is not None:
            with _LOCK:
                self._saved = _MEMORY.setdefault(store, {})

    def save(self, measurement: SavedMeasurement) -> None:
        if self._table is not None:
            from vitidesk.storage.measurements import MeasurementRow

            m = measurement
            self._table.save(
                MeasurementRow(
                    m.photo_id,
                    m.outline,
                    m.seeds.as_dict(),
                    m.fraction,
                    m.method,
                    m.light,
                    m.area_cm2,
                    m.mask_png,
                    m.saved_at,
                )
            )
        else:
            with _LOCK:
                self._saved[measurement.photo_id] = measurement
        self._changed(Changes(measurements=True))

    def load(self, photo_id: int) -> SavedMeasurement | None:
        if self._table is None:
            with _LOCK:
                return self._saved.get(photo_id)
        row = self._table.load(photo_id)
        if row is None:
            return None
        try:
            seeds = Seeds.from_dict(row.seeds)
        except (KeyError, TypeError, ValueError):
            seeds = Seeds()
        return SavedMeasurement(
            row.photo_id,
            row.outline,
            seeds,
            row.fraction,
            row.method,
            row.light,
            row.area_cm2,
            row.mask_png,
            row.saved_at,
        )

    def forget(self, photo_id: int) -> None:
        if self._table is not None:
            self._table.delete(photo_id)
        else:
            with _LOCK:
                self._saved.pop(photo_id, None)
        self._changed(Changes(measurements=True))
