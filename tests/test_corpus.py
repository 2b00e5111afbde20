"""Real-world proof: Pillow's own 798 odd, broken and fuzzed test images, in one batch."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from vitidesk.storage.check import check_store
from vitidesk.storage.database import Store
from vitidesk.storage.photo_batch import IMPORTED, REFUSED, expand_paths, import_files
from vitidesk.storage.photos import PhotoLibrary

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pillow-images"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_the_pillow_corpus_imports_or_refuses_every_file_cleanly(tmp_path: Path) -> None:
    files = expand_paths([CORPUS])
    assert len(files) >= 798
    start = time.monotonic()
    with Store.open(tmp_path / "data") as store:
        library = PhotoLibrary(store)
        outcomes = import_files(library, files, site=library.site_named("Face"))
        elapsed = time.monotonic() - start
        assert len(outcomes) == len(files)
        for outcome in outcomes:
            assert outcome.message.startswith(str(outcome.source) + ": ")
            assert "\n" not in outcome.message and "Traceback" not in outcome.message
        imported = [o for o in outcomes if o.status == IMPORTED]
        refused = [o for o in outcomes if o.status == REFUSED]
        assert len(imported) > 400 and len(refused) > 30
        assert check_store(store).healthy
    assert elapsed < 180
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 1500
