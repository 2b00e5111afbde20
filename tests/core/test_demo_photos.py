"""The synthetic demo photo series: deterministic, shrinking patches, seeded into the demo."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from vitidesk.core import demo_photos
from vitidesk.storage.check import check_store
from vitidesk.storage.demo import open_demo_store, reset_demo
from vitidesk.storage.demo_photos import prepared_series
from vitidesk.storage.photos import PhotoLibrary

DATES = [dt.date(2025, 1, 15), dt.date(2025, 4, 15), dt.date(2025, 7, 15), dt.date(2025, 12, 15)]
SKIN_ROWS = demo_photos.HEIGHT - 120  # the scale bar and the caption live below this


def _luma(color: tuple[int, int, int]) -> float:
    return (299 * color[0] + 587 * color[1] + 114 * color[2]) / 1000


def _count(mask: Image.Image) -> int:
    return sum(mask.histogram()[128:])


def _bright_share(image: Image.Image, tone: demo_photos.SkinTone) -> float:
    """The share of the skin that is brighter than halfway between skin and patch colour."""
    luma = image.convert("L").crop((0, 0, demo_photos.WIDTH, SKIN_ROWS))
    middle = (_luma(tone.skin) + _luma(tone.patch)) / 2
    skin = luma.point(lambda v: 255 if v > 40 else 0)
    bright = luma.point(lambda v: 255 if v > middle else 0)
    return _count(bright) / _count(skin)


def test_the_series_is_three_sites_at_four_visits_plus_one_uv_shot() -> None:
    assert list(demo_photos.visit_dates()) == DATES
    shots = demo_photos.sample_series()
    assert len(shots) == 13
    visible = [s for s in shots if s.light == "visible"]
    assert {(s.site, s.taken) for s in visible} == {
        (site, day) for site in ("Face", "Hands", "Trunk") for day in DATES
    }
    assert [(s.site, s.light) for s in shots if s.light == "uv"] == [("Trunk", "uv")]
    assert len({s.file_name for s in shots}) == 13
    tones = {site.name: site.tone.fitzpatrick for site in demo_photos.SITES}
    assert tones == {"Face": "III", "Hands": "V-VI", "Trunk": "I-II"}


def test_rendering_is_deterministic() -> None:
    demo_photos.clear_cache()
    first = demo_photos.sample_jpeg("Hands", 2)
    demo_photos.clear_cache()
    second = demo_photos.sample_jpeg("Hands", 2)
    assert first == second
    one = demo_photos.render_sample("Trunk", 1, "uv")
    demo_photos.clear_cache()
    assert one.tobytes() == demo_photos.render_sample("Trunk", 1, "uv").tobytes()


def test_a_sample_is_a_framed_close_up_with_scale_and_notice() -> None:
    image = demo_photos.render_sample("Face", 0)
    assert image.mode == "RGB" and image.size == (1600, 1200)
    luma = image.convert("L")
    for corner in ((0, 0, 60, 60), (1540, 0, 1600, 60), (0, 1140, 60, 1200)):
        _low, high = luma.crop(corner).getextrema()
        assert high < 40, corner  # a dark, plain background margin
    ruler = luma.crop((60, 1100, 300, 1150))
    caption = luma.crop((900, 1110, 1580, 1160))
    assert ruler.getextrema()[1] > 120 and caption.getextrema()[1] > 120
    assert demo_photos.CAPTION == "VitiDesk sample image – illustrative, not a patient"


@pytest.mark.parametrize("site", demo_photos.SITES, ids=lambda s: s.name)
def test_patches_shrink_visit_by_visit(site: demo_photos.SampleSite) -> None:
    shares = [_bright_share(demo_photos.render_sample(site.name, v), site.tone) for v in range(4)]
    assert shares[0] > 0.1
    assert all(later < earlier for earlier, later in itertools.pairwise(shares))
    assert shares[3] < 0.5 * shares[0]
    # Repigmentation only takes patch away: each visit's patches lie inside the last ones.
    masks = [demo_photos.patch_mask(site.name, v) for v in range(4)]
    for earlier, later in itertools.pairwise(masks):
        grown = _count(ImageChops.subtract(later, earlier))
        assert grown < 0.002 * _count(later)


def test_the_uv_shot_shows_the_patches_glowing_on_dark_violet_skin() -> None:
    image = demo_photos.render_sample("Trunk", 0, "uv")
    red, _green, blue = ImageStat.Stat(image.crop((400, 300, 1200, 900))).mean
    assert blue > 1.3 * red
    glowing = _count(
        image.convert("L").crop((0, 0, 1600, SKIN_ROWS)).point(lambda v: v > 150 and 255)
    )
    patches = _count(demo_photos.patch_mask("Trunk", 0))
    assert abs(glowing - patches) < 0.15 * patches


def test_demo_store_holds_the_sample_series_and_reset_restores_it(tmp_path: Path) -> None:
    prepared_series.cache_clear()
    start = time.monotonic()
    store = open_demo_store(tmp_path / "demo")
    seeding = time.monotonic() - start
    assert seeding < 10
    with store:
        library = PhotoLibrary(store)
        photos = library.photos()
        assert len(photos) == 13
        assert {p.label for p in photos} == {"Sample (illustrative)"}
        by_site = {
            name: [(p.taken_at, p.light) for p in photos if p.site == name]
            for name in ("Face", "Hands", "Trunk")
        }
        assert by_site["Face"] == [(d, "visible") for d in DATES]
        assert by_site["Hands"] == [(d, "visible") for d in DATES]
        assert sorted(by_site["Trunk"]) == sorted(
            [(d, "visible") for d in DATES] + [(DATES[0], "uv")]
        )
        with Image.open(library.path_of(photos[0])) as stored:
            assert stored.size == (1600, 1200)
        assert check_store(store).healthy
        library.delete(photos[0].id)
        library.update(photos[1].id, label="changed during the demo")
    with reset_demo(tmp_path / "demo") as store:
        again = PhotoLibrary(store).photos()
        assert len(again) == 13
        assert {p.label for p in again} == {"Sample (illustrative)"}
        assert [(p.site, p.taken_at, p.light) for p in again] == [
            (p.site, p.taken_at, p.light) for p in photos
        ]
        assert check_store(store).healthy
