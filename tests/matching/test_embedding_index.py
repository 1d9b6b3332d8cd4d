"""Embeddings live with the documents in both backends, made by the configured model in batches,
and a change of model makes every document stale until it is embedded again."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from matching import embeddings
from matching.search.documents import build_documents, source_versions
from matching.sync import outbox_drain_all
from tests.matching.test_sync import published

pytestmark = pytest.mark.django_db(transaction=True)


def test_published_postings_carry_a_vector_and_the_model_version_and_knn_finds_them(
    live_backend, world, embedding_model
):
    welder = published(world, "招烧电焊师傅", description="钢结构焊接，日结")
    nanny = published(world, "住家育儿嫂", description="照顾一岁宝宝，做饭打扫")
    outbox_drain_all()

    (vector,) = embeddings.encode(["我会电焊，想找焊工的活"])
    hits = live_backend.knn_postings(vector.tolist(), k=2)

    assert [hit.id for hit in hits] == [welder.pk, nanny.pk]
    assert hits[0].score > hits[1].score
    assert hits[0].doc["embedding_model"] == embeddings.model_version()
    assert "embedding" not in hits[0].doc  # vectors stay in the engine


def test_a_different_model_makes_every_document_stale_and_reconcile_embeds_them_again(
    live_backend, world, embedding_model, settings, capsys
):
    published(world, "叉车司机")
    outbox_drain_all()
    assert source_versions("postings") == live_backend.document_versions("postings")

    settings.MATCHING_EMBEDDING_MODEL = ""  # semantic matching switched off: another "model"
    embeddings.clear_encoder()
    stale = source_versions("postings")
    call_command("search_index", "--reconcile", "--kind=postings")

    assert stale != {} and all(version.endswith("|none") for version in stale.values())
    assert "1 stale" in capsys.readouterr().out
    assert live_backend.document_versions("postings") == stale
    (doc,) = build_documents("postings")
    assert "embedding" not in doc and doc["embedding_model"] == "none"
