"""Build the project's own offline Chinese sentence-transformers model from the occupation taxonomy.

No pretrained Chinese model can be downloaded on the machines this project is built on, and the English
models map Chinese to [UNK]. The taxonomy, with its many colloquial names per trade (烧电焊, 开挖机,
带孩子), is a good training signal by itself: a character-level tokenizer feeding a `StaticEmbedding`
(one trained vector per character, averaged) learns in seconds that 我会烧电焊 and 电焊工 mean the same
trade (see shared/docs/matching-notes.md for the measurements behind these choices).

The build is

- deterministic: seeded, single-threaded, deterministic torch algorithms; same inputs, same weights;
- versioned: a hash of the training pairs, the hyper-parameters, the builder version and the library
  versions names the model (`jiuyetong-zh-static-<hash8>`), recorded in `jiuyetong.json` beside
  `modules.json` so every stored embedding can say which model made it;
- cached: when the folder already holds the build of the current hash, building is a no-op;
- atomic: the new model is written next to the target folder and renamed into place, so a reader never
  sees half a model.

Traditional characters (電焊工) get the trained vector of their simplified form, so they embed the same
without any normalisation step outside the saved model.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY_PATH = ROOT / "marketplace" / "data" / "occupations.json"
DEMO_PATH = ROOT / "marketplace" / "data" / "demo.json"
TRADITIONAL_PATH = Path(__file__).resolve().parent / "data" / "traditional_to_simplified.tsv"
EXTRA_PHRASES_PATH = Path(__file__).resolve().parent / "data" / "embedding_phrases.json"

MODEL_NAME = "jiuyetong-zh-static"
METADATA_FILE = "jiuyetong.json"
# Bump when the training loop or the model layout changes in a way the training pairs do not show.
BUILDER_VERSION = "1"
UNK = "[UNK]"

# One token per CJK character, one per run of ASCII letters/digits; everything else (spaces,
# punctuation, emoji) separates tokens and is dropped. NFKC first makes ＳＭＴ smt and ，a comma.
UNIT_PATTERN = r"[\u3400-\u4dbf\u4e00-\u9fff]|[a-z0-9]+"


@dataclass(frozen=True)
class HyperParameters:
    """Everything that shapes the weights besides the data; part of the model's hash."""

    dim: int = 256
    epochs: int = 6
    batch_size: int = 256
    learning_rate: float = 0.05
    scale: float = 20.0
    seed: int = 20240611
    seeker_templates_per_term: int = 4
    posting_templates_per_term: int = 3


@dataclass(frozen=True)
class Pair:
    """A training example: anchor text, the positive it should be nearest to, and a hard-ish negative."""

    anchor: str
    positive: str
    negative: str
    occupation: int  # index of the positive's occupation, to mask duplicates among in-batch negatives
    negative_occupation: int


@dataclass
class BuildResult:
    path: Path
    version: str
    fingerprint: str
    built: bool
    pairs: int
    epochs: int
    vocab_size: int
    dim: int
    seconds: float
    train_seconds: float | None = None
    final_loss: float | None = None
    metadata: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Occupation:
    index: int
    code: str
    name: str
    family: str
    synonyms: tuple[str, ...]
    skills: tuple[str, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.synonyms)))

    @property
    def described(self) -> str:
        """Name plus skills: what a seeker's self-description should land near."""
        return f"{self.name}：{'、'.join(self.skills)}" if self.skills else self.name


# How job seekers describe themselves; {s} is a synonym or the name, {n} a number of years.
# None of them puts 会 right before the trade or reads 想找…的活, so the phrasings the tests ask
# about (我会烧电焊, 会开叉车, 想找带孩子的活) are never seen whole in training.
SEEKER_TEMPLATES = (
    "我能{s}",
    "本人{s}，能吃苦",
    "干过{n}年{s}",
    "做过{n}年{s}，有经验",
    "想找份{s}的工作",
    "找个{s}的活干",
    "有没有{s}的活",
    "我是{s}",
    "{s}，{n}年经验",
    "求职：{s}",
    "应聘{s}",
    "以前在外地做{s}",
    "在老家干过{s}",
    "{s}熟手，找工作",
    "想做{s}，离家近点",
    "本人擅长{s}",
    "{s}干了{n}年了",
    "我以前是做{s}的",
    "有{s}经验，找活",
    "想学{s}",
    # 会 also stands where it does not name a trade, so it is not learnt as the mark of 会计.
    "学会了{s}",
    "{s}我都会",
    "{s}也会一点",
    "啥活都会干，做过{s}",
)

# How employers title and describe postings; {s} synonym or name, {name} the occupation's name.
POSTING_TEMPLATES = (
    "招{s}",
    "急招{s}{k}名",
    "诚聘{name}",
    "{name}，包吃住，月薪{pay}",
    "{s}（日结）",
    "{s}，长白班，{pay}元/月",
    "{county}招{s}",
    "高薪招聘{name}，五险一金",
    "{s}{k}名，工资{pay}到{pay2}",
    "{name}，有经验优先，男女不限",
    "招聘{s}，{age}岁以下",
    "{name}（可带学徒）",
    "{county}{name}，节日福利",
    "{s}，计件工资，多劳多得",
)

COUNTIES = ("凯里市", "丹寨县", "三穗县", "雷山县", "黄平县", "台江县", "榕江县", "从江县", "黎平县", "镇远县")


def _load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _occupations(taxonomy: dict, extra: dict[str, list[str]] | None = None) -> list[_Occupation]:
    """The taxonomy's occupations in file order, with the extra phrasings added to their synonyms."""
    extra = extra or {}
    result: list[_Occupation] = []
    for family in taxonomy["families"]:
        for occ in family["occupations"]:
            result.append(
                _Occupation(
                    index=len(result),
                    code=occ["code"],
                    name=occ["name"],
                    family=family["code"],
                    synonyms=tuple(dict.fromkeys([*occ.get("synonyms", []), *extra.get(occ["name"], [])])),
                    skills=tuple(occ.get("skills", [])),
                )
            )
    return result


def _hard_negatives(occupations: list[_Occupation]) -> dict[str, list[int]]:
    """term → occupations of other families that share the most characters with it (电焊 → 电工).

    Other families only: within a family a shared character often means a real kinship (钢筋工 and
    建筑普工), which in-batch negatives already push apart enough.
    """
    chars = {o.index: set("".join(o.terms)) for o in occupations}
    result: dict[str, list[int]] = {}
    for occ in occupations:
        for term in occ.terms:
            scored = [
                (len(set(term) & chars[other.index]), other.index)
                for other in occupations
                if other.family != occ.family
            ]
            scored = sorted((s for s in scored if s[0] > 0), key=lambda item: (-item[0], item[1]))
            result[term] = [index for _, index in scored[:5]]
    return result


def training_pairs(
    taxonomy: dict,
    demo: dict | None = None,
    hyper: HyperParameters | None = None,
    extra: dict[str, list[str]] | None = None,
) -> tuple[list[Pair], list[_Occupation]]:
    """The generated training pairs, in a fixed order from a seeded generator.

    Synonym ↔ name teaches the taxonomy itself; seeker and posting templates put the trades in the
    context words people actually write (干过, 包吃住, 月薪); seeker ↔ posting pairs tie both sides of
    the marketplace together; the demo postings add real titles and descriptions.
    """
    hyper = hyper or HyperParameters()
    rng = random.Random(hyper.seed)  # noqa: S311 - seeded for reproducible training, not for secrets
    occupations = _occupations(taxonomy, extra)
    by_name = {o.name: o for o in occupations}
    negatives = _hard_negatives(occupations)
    pairs: list[Pair] = []

    def negative_for(term: str, occ: _Occupation) -> _Occupation:
        candidates = negatives.get(term) or []
        if candidates:
            return occupations[rng.choice(candidates[:3])]
        others = [o for o in occupations if o.family != occ.family]
        return rng.choice(others)

    def add(anchor: str, occ: _Occupation, positive: str, term: str, *, described: bool) -> None:
        neg = negative_for(term, occ)
        pairs.append(Pair(anchor, positive, neg.described if described else neg.name, occ.index, neg.index))

    for occ in occupations:
        for term in occ.terms:
            if term != occ.name:
                add(term, occ, occ.name, term, described=False)
            seekers = rng.sample(SEEKER_TEMPLATES, hyper.seeker_templates_per_term)
            postings = rng.sample(POSTING_TEMPLATES, hyper.posting_templates_per_term)
            seeker_texts = [tpl.format(s=term, n=rng.randint(1, 15)) for tpl in seekers]
            posting_texts = [
                tpl.format(
                    s=term,
                    name=occ.name,
                    k=rng.randint(2, 30),
                    pay=(pay := rng.randrange(3000, 9000, 500)),
                    pay2=pay + rng.randrange(500, 3000, 500),
                    county=rng.choice(COUNTIES),
                    age=rng.choice((40, 45, 50, 55)),
                )
                for tpl in postings
            ]
            for text in seeker_texts:
                add(text, occ, occ.described, term, described=True)
            for text in posting_texts:
                add(text, occ, occ.name, term, described=False)
            # Both sides of the marketplace, same trade: a seeker's words near an employer's.
            add(seeker_texts[0], occ, posting_texts[0], term, described=False)
        # Skills that belong to this occupation alone say which trade it is (砌筑 → 泥瓦工).
        for skill in occ.skills:
            if sum(skill in o.skills for o in occupations) == 1 and len(skill) <= 10:
                add(skill, occ, occ.name, skill, described=False)

    for posting in (demo or {}).get("postings", []):
        occ = by_name.get(posting.get("occupation", ""))
        if occ is None:
            continue
        add(posting["title"], occ, occ.name, occ.name, described=False)
        if posting.get("description"):
            add(posting["description"], occ, occ.described, occ.name, described=True)
            add(posting["title"], occ, posting["description"], occ.name, described=False)
    return pairs, occupations


def _traditional_map(path: Path = TRADITIONAL_PATH) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simplified = line.split("\t")
            mapping[traditional] = simplified
    return mapping


def _make_tokenizer(vocabulary: list[str]):
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers

    vocab = {token: index for index, token in enumerate(vocabulary)}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token=UNK))
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    tokenizer.pre_tokenizer = pre_tokenizers.Split(Regex(UNIT_PATTERN), behavior="removed", invert=True)
    return tokenizer


def _pre_tokens(text: str) -> list[str]:
    import re
    import unicodedata

    return re.findall(UNIT_PATTERN, unicodedata.normalize("NFKC", text).lower())


def _vocabulary(pairs: list[Pair], traditional: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """[UNK], every token of the training text (sorted, so the order is stable), then the traditional
    forms of its characters that are not themselves used as simplified characters."""
    tokens: set[str] = set()
    for pair in pairs:
        for text in (pair.anchor, pair.positive, pair.negative):
            tokens.update(_pre_tokens(text))
    trained = sorted(tokens)
    variants = {t: s for t, s in sorted(traditional.items()) if s in tokens and t not in tokens}
    return [UNK, *trained, *variants], variants


def _library_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("torch", "sentence-transformers", "tokenizers")}


def fingerprint(pairs: list[Pair], vocabulary: list[str], hyper: HyperParameters) -> str:
    """sha256 of everything the weights depend on: pairs, vocabulary, settings, builder and libraries."""
    digest = hashlib.sha256()
    header = {"builder": BUILDER_VERSION, "hyper": asdict(hyper), "libraries": _library_versions()}
    digest.update(json.dumps(header, sort_keys=True).encode())
    digest.update("\x1e".join(vocabulary).encode())
    for pair in pairs:
        digest.update(f"{pair.anchor}\x1f{pair.positive}\x1f{pair.negative}\x1f{pair.occupation}\x1e".encode())
    return digest.hexdigest()


def read_metadata(path: Path) -> dict | None:
    """The `jiuyetong.json` of a model folder, or None when there is none (or it is unreadable)."""
    try:
        return json.loads((Path(path) / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@contextmanager
def _deterministic_torch(seed: int) -> Iterator[None]:
    """Seeds, one thread and deterministic kernels for the build; the process's settings come back after."""
    import numpy as np
    import torch

    threads = torch.get_num_threads()
    deterministic = torch.are_deterministic_algorithms_enabled()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(deterministic)
        torch.set_num_threads(threads)


def _train(
    pairs: list[Pair],
    tokenizer,
    hyper: HyperParameters,
    progress: Callable[[int, int], None] | None,
):
    """Plain torch loop: in-batch negatives plus one hard negative each, cross-entropy over scaled cosines.

    (MultipleNegativesRankingLoss in spirit; `SentenceTransformerTrainer` would need `datasets` and
    `accelerate`.) Candidates of the anchor's own occupation other than its positive are masked, since
    the same trade appears many times in a batch and must not count as a wrong answer. The loss is
    symmetric (anchor → positives and positive → anchors).
    """
    import torch
    import torch.nn.functional as F
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding

    module = StaticEmbedding(tokenizer, embedding_dim=hyper.dim)
    embedding = module.embedding
    texts = sorted({t for p in pairs for t in (p.anchor, p.positive, p.negative)})
    ids = {
        text: enc.ids for text, enc in zip(texts, tokenizer.encode_batch(texts, add_special_tokens=False), strict=True)
    }

    def embed(batch: list[str]):
        seqs = [ids[t] for t in batch]
        offsets = torch.tensor([0, *[len(s) for s in seqs[:-1]]], dtype=torch.long).cumsum(0)
        flat = torch.tensor([i for s in seqs for i in s], dtype=torch.long)
        return F.normalize(embedding(flat, offsets), dim=-1)

    optimizer = torch.optim.Adam(embedding.parameters(), lr=hyper.learning_rate)
    rng = random.Random(hyper.seed)  # noqa: S311 - seeded for reproducible training, not for secrets
    order = list(range(len(pairs)))
    steps_per_epoch = (len(order) + hyper.batch_size - 1) // hyper.batch_size
    total = steps_per_epoch * hyper.epochs
    step = 0
    loss_value = None
    for _epoch in range(hyper.epochs):
        rng.shuffle(order)
        for start in range(0, len(order), hyper.batch_size):
            batch = [pairs[i] for i in order[start : start + hyper.batch_size]]
            anchors = embed([p.anchor for p in batch])
            candidates = embed([p.positive for p in batch] + [p.negative for p in batch])
            occ = torch.tensor([p.occupation for p in batch])
            cand_occ = torch.cat([occ, torch.tensor([p.negative_occupation for p in batch])])
            n = len(batch)
            same = occ[:, None] == cand_occ[None, :]
            same[torch.arange(n), torch.arange(n)] = False
            logits = hyper.scale * anchors @ candidates.T
            logits = logits.masked_fill(same, float("-inf"))
            labels = torch.arange(n)
            back = hyper.scale * candidates[:n] @ anchors.T
            back_same = occ[:, None] == occ[None, :]
            back_same[torch.arange(n), torch.arange(n)] = False
            back = back.masked_fill(back_same, float("-inf"))
            loss = (F.cross_entropy(logits, labels) + F.cross_entropy(back, labels)) / 2
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_value = loss.detach().item()
            step += 1
            if progress:
                progress(step, total)
    return module, loss_value


def build_model(
    output: Path | str,
    *,
    force: bool = False,
    hyper: HyperParameters | None = None,
    taxonomy_path: Path = TAXONOMY_PATH,
    demo_path: Path | None = DEMO_PATH,
    extra_phrases_path: Path | None = EXTRA_PHRASES_PATH,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Build the model into `output` unless the build of the same inputs is already there.

    Returns what was built (or found): version, hash, counts and seconds. `progress(step, total)` is
    called after each training step.
    """
    started = time.monotonic()
    output = Path(output)
    hyper = hyper or HyperParameters()
    taxonomy = _load_json(taxonomy_path)
    demo = _load_json(demo_path) if demo_path else None
    extra = _load_json(extra_phrases_path)["phrases"] if extra_phrases_path else None
    pairs, _ = training_pairs(taxonomy, demo, hyper, extra)
    vocabulary, variants = _vocabulary(pairs, _traditional_map())
    digest = fingerprint(pairs, vocabulary, hyper)
    version = f"{MODEL_NAME}-{digest[:8]}"

    existing = read_metadata(output)
    if not force and existing and existing.get("fingerprint") == digest and (output / "modules.json").exists():
        return BuildResult(
            path=output,
            version=version,
            fingerprint=digest,
            built=False,
            pairs=len(pairs),
            epochs=hyper.epochs,
            vocab_size=len(vocabulary),
            dim=hyper.dim,
            seconds=time.monotonic() - started,
            final_loss=existing.get("final_loss"),
            metadata=existing,
        )

    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize

    tokenizer = _make_tokenizer(vocabulary)
    train_started = time.monotonic()
    with _deterministic_torch(hyper.seed):
        module, final_loss = _train(pairs, tokenizer, hyper, progress)
        with torch.no_grad():
            weight = module.embedding.weight
            index = {token: i for i, token in enumerate(vocabulary)}
            # Unknown tokens add nothing: with mean pooling and normalisation a zero vector leaves the
            # direction of the known characters as it is (and text of unknowns only embeds as zero).
            weight[index[UNK]] = 0
            for traditional, simplified in variants.items():
                weight[index[traditional]] = weight[index[simplified]]
    train_seconds = time.monotonic() - train_started
    model = SentenceTransformer(modules=[module, Normalize()], device="cpu")

    seconds = time.monotonic() - started
    metadata = {
        "name": MODEL_NAME,
        "version": version,
        "fingerprint": digest,
        "builder_version": BUILDER_VERSION,
        "architecture": "char-level tokenizer → StaticEmbedding (mean) → Normalize",
        "hyperparameters": asdict(hyper),
        "libraries": _library_versions(),
        "pairs": len(pairs),
        "vocab_size": len(vocabulary),
        "traditional_variants": len(variants),
        "final_loss": final_loss,
        "train_seconds": round(train_seconds, 2),
        "build_seconds": round(seconds, 2),
        "sources": {
            str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in (taxonomy_path, demo_path, extra_phrases_path, TRADITIONAL_PATH)
            if path and path.is_relative_to(ROOT)
        },
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    model.save(str(staging))
    (staging / METADATA_FILE).write_text(json.dumps(metadata, ensure_ascii=False, indent=1), encoding="utf-8")
    _swap_into_place(staging, output)
    return BuildResult(
        path=output,
        version=version,
        fingerprint=digest,
        built=True,
        pairs=len(pairs),
        epochs=hyper.epochs,
        vocab_size=len(vocabulary),
        dim=hyper.dim,
        seconds=seconds,
        train_seconds=train_seconds,
        final_loss=final_loss,
        metadata=metadata,
    )


def _swap_into_place(staging: Path, output: Path) -> None:
    """Rename the finished model onto `output`; the previous one is moved aside, then removed."""
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        output.rename(old)
    staging.rename(output)
    if old.exists():
        shutil.rmtree(old)


def occupation_catalogue(taxonomy_path: Path = TAXONOMY_PATH) -> list[tuple[str, str]]:
    """(code, name) of every occupation in the taxonomy file, for sanity checks and tests."""
    return [(o.code, o.name) for o in _occupations(_load_json(taxonomy_path))]
