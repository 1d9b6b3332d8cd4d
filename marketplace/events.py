"""Signals the marketplace sends for features above it, so the floor never imports what stands on it.

Search indexing does not need one: it listens to the models' own save and delete signals
(matching.signals). This is for what no model save says.
"""

from __future__ import annotations

from django.dispatch import Signal

# The occupation taxonomy was loaded again (new words, synonyms, skills): caches of it above the
# floor are stale (matching's text analyser). Sent at once and again after commit. No kwargs.
taxonomy_loaded = Signal()

# An application became a hire (inside the hire's transaction). kwargs: application. Stations put
# a worker hired through a station's posting or partner employer on that station's roster.
application_hired = Signal()
