"""Loading what the first recommendation would otherwise wait for, before the server says it is ready.

Torch and the model take seconds to load, jieba its dictionary a second, the gazetteer and the
taxonomy a moment each; paid on the first request, that was 15 s for the first seeker after a
restart. The ASGI entry point calls `warm_up()` once per server process (`MATCHING_WARM_UP`), and
so does each Celery pool process; the last step freezes the loaded heap out of garbage collection.
A missing model or database is logged, not raised: the server still starts and says so.
"""

from __future__ import annotations

import gc
import logging
import time

logger = logging.getLogger(__name__)


def warm_up() -> dict[str, float]:
    """Seconds each part took to load; parts that could not load are logged and left out."""
    timings: dict[str, float] = {}

    def step(name: str, action) -> None:
        start = time.perf_counter()
        try:
            action()
        except Exception:  # warming is best effort; the request path reports real errors
            logger.warning("warm-up: %s could not be loaded now; the first request will load it", name, exc_info=True)
            return
        timings[name] = time.perf_counter() - start

    def model() -> None:
        from matching.embeddings import encode, get_encoder_or_none

        if get_encoder_or_none() is not None:
            encode(["预热：电焊工 凯里 包吃住"])

    def text() -> None:
        from matching.text import analyze

        analyze("预热 电焊工 包吃住")

    def places() -> None:
        from marketplace.places import nearest_county, resolve_area, sounds_like

        resolve_area("珠三角")
        nearest_county(26.58, 107.98)
        sounds_like("东关")  # the names' sounds: 0.4 s on first use, in a form's or the matcher's request

    def taxonomy() -> None:
        from marketplace.occupations.taxonomy import occupation_info, suggest_occupations

        occupation_info()
        suggest_occupations(title="电焊工")

    def heap() -> None:
        # What is loaded now stays for the life of the process: about 625,000 objects (torch, the
        # model, jieba's dictionary, the gazetteer). Python's full collection walked all of them,
        # 0.4-0.6 s with the whole process stopped, every few seconds under load; that was the
        # pages' p99. Frozen, collections walk only what requests create. Garbage first, so it
        # is freed rather than frozen.
        gc.collect()
        gc.freeze()

    for name, action in (("model", model), ("text", text), ("places", places), ("taxonomy", taxonomy), ("heap", heap)):
        step(name, action)
    logger.info("warm-up done: %s", ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()))
    return timings
