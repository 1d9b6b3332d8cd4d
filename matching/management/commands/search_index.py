from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from matching.cached import index_changed
from matching.search import get_search_backend
from matching.search.base import SearchUnavailable
from matching.search.documents import KINDS, build_documents, source_versions
from matching.sync import outbox_pending, outbox_refused


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
            refused = outbox_refused()
            if refused:
                self.stdout.write(
                    self.style.ERROR(f"refused by the engine: {len(refused)} (fix the record, or reconcile)")
                )
                for row in refused[:20]:
                    self.stdout.write(
                        f"  {row.kind} {row.object_id} at {row.refused_at:%Y-%m-%d %H:%M}: {row.last_error}"
                    )

    def rebuild(self, backend, kind: str, verbosity: int) -> None:
        total = len(source_versions(kind))
        with tqdm(total=total, desc=f"rebuild {kind}", unit="doc", disable=verbosity == 0) as bar:
            name = backend.rebuild(kind, build_documents(kind), progress=bar.update)
        index_changed(kind)
        self.stdout.write(f"{kind}: {total} documents in {name}, now live")

    def reconcile(self, backend, kind: str) -> None:
        source = source_versions(kind)
        indexed = backend.document_versions(kind)
        missing = sorted(set(source) - set(indexed))
        extra = sorted(set(indexed) - set(source))
        stale = sorted(i for i in set(source) & set(indexed) if source[i] != indexed[i])
        fix = missing + stale
        refused: dict[int, str] = {}
        for start in range(0, len(fix), 500):
            refused |= backend.index_documents(kind, list(build_documents(kind, fix[start : start + 500])))
        backend.delete_documents(kind, extra)
        if fix:
            index_changed(kind)
        for object_id, reason in sorted(refused.items())[:20]:
            self.stdout.write(self.style.ERROR(f"{kind} {object_id} refused by the engine: {reason}"))
        self.stdout.write(
            f"{kind}: {len(missing)} missing, {len(stale)} stale, {len(extra)} extra — fixed"
            + "".join(f"\n  {label}: {ids[:20]}{' …' if len(ids) > 20 else ''}"
                      for label, ids in (("missing", missing), ("stale", stale), ("extra", extra)) if ids)
        )  # fmt: skip

    def status(self, backend, kind: str) -> None:
        """Counts, and whether the index holds exactly the documents the database says it should:
        equal counts can hide one missing and one extra, so the ids and versions are compared."""
        source = source_versions(kind)
        indexed = backend.document_versions(kind)
        line = f"{kind}: {len(source)} in database, {len(indexed)} in {backend.name} index"
        missing = len(set(source) - set(indexed))
        extra = len(set(indexed) - set(source))
        stale = sum(1 for i in set(source) & set(indexed) if source[i] != indexed[i])
        if missing or extra or stale:
            self.stdout.write(self.style.WARNING(
                f"{line} — {missing} missing, {extra} extra, {stale} stale (reconcile to fix)"))  # fmt: skip
        else:
            self.stdout.write(f"{line} — in step")
