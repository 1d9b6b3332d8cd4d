from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from matching.search import get_search_backend
from matching.search.base import SearchUnavailable
from matching.search.documents import KINDS, build_documents, source_versions
from matching.sync import outbox_pending


class Command(BaseCommand):
    help = "Rebuild (zero downtime), reconcile or report the search index against the database."

    def add_arguments(self, parser) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="fill new indices and swap them in")
        action.add_argument("--reconcile", action="store_true", help="find and fix missing/stale/extra documents")
        action.add_argument("--status", action="store_true", help="counts in the database, the index and the outbox")
        parser.add_argument("--kind", choices=KINDS, action="append", help="limit to one kind (repeatable)")

    def handle(self, *args, **options) -> None:
        kinds = options["kind"] or list(KINDS)
        backend = get_search_backend()
        try:
            for kind in kinds:
                if options["rebuild"]:
                    self.rebuild(backend, kind, options["verbosity"])
                elif options["reconcile"]:
                    self.reconcile(backend, kind)
                else:
                    self.status(backend, kind)
        except SearchUnavailable as exc:
            raise CommandError(f"search backend unavailable: {exc}") from exc
        if options["status"]:
            self.stdout.write(f"outbox: {outbox_pending()} pending")

    def rebuild(self, backend, kind: str, verbosity: int) -> None:
        total = len(source_versions(kind))
        with tqdm(total=total, desc=f"rebuild {kind}", unit="doc", disable=verbosity == 0) as bar:
            name = backend.rebuild(kind, build_documents(kind), progress=bar.update)
        self.stdout.write(f"{kind}: {total} documents in {name}, now live")

    def reconcile(self, backend, kind: str) -> None:
        source = source_versions(kind)
        indexed = backend.document_versions(kind)
        missing = sorted(set(source) - set(indexed))
        extra = sorted(set(indexed) - set(source))
        stale = sorted(i for i in set(source) & set(indexed) if source[i] != indexed[i])
        fix = missing + stale
        for start in range(0, len(fix), 500):
            backend.index_documents(kind, list(build_documents(kind, fix[start : start + 500])))
        backend.delete_documents(kind, extra)
        self.stdout.write(
            f"{kind}: {len(missing)} missing, {len(stale)} stale, {len(extra)} extra — fixed"
            + "".join(f"\n  {label}: {ids[:20]}{' …' if len(ids) > 20 else ''}"
                      for label, ids in (("missing", missing), ("stale", stale), ("extra", extra)) if ids)
        )  # fmt: skip

    def status(self, backend, kind: str) -> None:
        source = len(source_versions(kind))
        indexed = len(backend.document_versions(kind))
        self.stdout.write(f"{kind}: {source} in database, {indexed} in {backend.name} index")
