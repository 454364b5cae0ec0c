"""Digests of loaded and tokenized corpora, for identity tests across speed-ups.

``tests/fixtures/ingest_digests.tsv`` holds digests computed with these
functions at the commit before the ingest speed-ups (issue 16); the tests
recompute them with the current code. Only hashes and counts are stored,
never text. Run ``python -m tests.tokens._digest`` to print the rows.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd

from tests._paths import EVAL

#: Columns of load_corpus whose values the digest covers.
LOAD_COLUMNS = (
    "doc_id",
    "text",
    "language",
    "status",
    "status_reason",
    "dup_group",
    "is_duplicate",
    "n_chars",
)


def corpus_digest(corpus: pd.DataFrame) -> str:
    """sha256 of the loader's columns, row by row."""
    h = hashlib.sha256()
    for row in zip(*(corpus[c].tolist() for c in LOAD_COLUMNS), strict=True):
        h.update(json.dumps([str(v) for v in row], ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def tokens_digest(sentences: pd.DataFrame) -> str:
    """sha256 of the sentence table: ids, spans, tokens, lemmas and tags."""
    h = hashlib.sha256()
    cols = ("doc_id", "sent_id", "start", "end", "tokens", "lemmas", "tags")
    for row in zip(*(sentences[c].tolist() for c in cols), strict=True):
        h.update(json.dumps([*map(str, row[:4]), *row[4:]], ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def eval_english_texts() -> list[str]:
    """English text of the dev sets in ../shared/eval, one string per item."""
    texts = pd.read_csv(EVAL / "nyt_editorial_snippets_dev.tsv", sep="\t")["text"].tolist()
    with open(EVAL / "newsmtsc_rw_dev.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["sentence"] for line in fh if line.strip()]
    texts += pd.read_csv(EVAL / "finphrase_en_ko_dev.tsv", sep="\t")["en"].tolist()
    return [str(t) for t in texts]


def eval_english_frame() -> pd.DataFrame:
    """Each dev text as a document, then runs of ten joined by a newline or a
    space (so sentence splitting and line handling are exercised too)."""
    texts = eval_english_texts()
    docs = list(texts)
    for k in range(0, len(texts), 10):
        sep = "\n" if (k // 10) % 2 else " "
        docs.append(sep.join(texts[k : k + 10]))
    return pd.DataFrame({"doc_id": [f"e{i}" for i in range(len(docs))], "text": docs})


def distinct_frame(n: int = 500) -> pd.DataFrame:
    """``n`` CONSTRUCTED articles of benchmarks/_distinct.py."""
    from benchmarks import _distinct

    return _distinct.articles(n)


def cases() -> dict[str, pd.DataFrame]:
    """The raw inputs the fixture digests were computed on (demo loads itself)."""
    return {"eval_en": eval_english_frame(), "distinct_500": distinct_frame()}


def digests() -> list[tuple[str, int, int, int, str, str]]:
    """(case, documents, sentences, tokens, corpus sha256, tokens sha256) per case."""
    from toolkit.corpus.load import load_corpus, load_demo
    from toolkit.tokens.tokenizer import tokenize

    loaded = {"demo": load_demo()}
    loaded.update({name: load_corpus(raw) for name, raw in cases().items()})
    out = []
    for name, corpus in loaded.items():
        sent = tokenize(corpus).sentences
        out.append(
            (
                name,
                len(corpus),
                len(sent),
                int(sent["n_tokens"].sum()),
                corpus_digest(corpus),
                tokens_digest(sent),
            )
        )
    return out


if __name__ == "__main__":
    for row in digests():
        print("\t".join(map(str, row)))
