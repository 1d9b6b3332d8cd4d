"""A claimer process for the gig race: its own interpreter, its own database connections.

Started with the 'spawn' context, so it inherits no connection, socket or lock from the test
process. Each process runs a few threads, each thread one worker with a connection of its own.
"""

from __future__ import annotations

import os
import threading


def claimer_process(database_url: str, jobs, results, go) -> None:
    """Claim for the users of each job; `go` (a multiprocessing Barrier) starts all processes at once."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.db import connections

    from livestream.gigs.models import Gig
    from livestream.gigs.services.claims import gig_claim
    from marketplace.models import User

    connections.close_all()  # nothing is inherited under spawn; this keeps the rule explicit

    def claim(user_id: int, gig_id: int, ready: threading.Barrier, start: threading.Barrier) -> None:
        try:
            user = User.objects.get(pk=user_id)
            gig = Gig.objects.get(pk=gig_id)
            ready.wait()
            start.wait()
            try:
                result = ("won", gig_claim(by=user, gig=gig).pk)
            except ValidationError as exc:
                result = ("lost", exc.code)
        except Exception as exc:  # reported to the test, which fails on anything unexpected
            result = ("error", repr(exc))
        finally:
            connections.close_all()
        results.put((user_id, *result))

    while True:
        job = jobs.get()
        if job is None:
            return
        gig_id, user_ids = job
        # This process's threads line up with their data loaded, then every process waits for the others.
        ready = threading.Barrier(len(user_ids) + 1, timeout=60)
        start = threading.Barrier(len(user_ids) + 1, timeout=60)
        threads = [threading.Thread(target=claim, args=(u, gig_id, ready, start)) for u in user_ids]
        for thread in threads:
            thread.start()
        ready.wait()
        go.wait()
        start.wait()
        for thread in threads:
            thread.join()
