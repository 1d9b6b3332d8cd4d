"""The search backend talks to a real Elasticsearch 9 server, through the DSL of the 9.x client."""

import uuid

import pytest
from elasticsearch.dsl import Document, Keyword, Text

from matching.search import get_search_backend
from matching.search.elasticsearch import ElasticsearchSearchBackend


@pytest.fixture
def backend() -> ElasticsearchSearchBackend:
    backend = get_search_backend()
    assert isinstance(backend, ElasticsearchSearchBackend)
    return backend


def test_backend_reports_the_version_of_the_server_it_talks_to(backend):
    health = backend.health()

    nodes = backend.client.nodes.info(node_id="_local", filter_path="nodes.*.version").body["nodes"]
    (server_version,) = {node["version"] for node in nodes.values()}
    assert health["version"] == server_version
    assert server_version.split(".")[0] == "9"
    print(f"Elasticsearch server version: {server_version}")  # shown in the test command's output with -s/-rA


def test_a_document_written_with_the_dsl_is_read_back_and_found(backend):
    index = f"{backend.index_name('probe')}-{uuid.uuid4().hex[:8]}"

    class Probe(Document):
        title = Text(analyzer="whitespace")
        county = Keyword()

        class Index:
            name = index

    client = backend.client
    Probe.init(using=client)
    try:
        Probe(meta={"id": "1"}, title="电焊工 焊工 持证 上岗", county="凯里市").save(using=client, refresh=True)

        fetched = Probe.get(id="1", using=client)
        hits = Probe.search(using=client).query("match", title="焊工").filter("term", county="凯里市").execute()

        assert fetched.title == "电焊工 焊工 持证 上岗"
        assert [hit.meta.id for hit in hits] == ["1"]
    finally:
        client.indices.delete(index=index)
