"""Throughput and memory of the frontwatch pipeline against a bare spaCy pass.

Runs, each in its own process so that peak RSS is measured separately:

- ``spacy``: ``nlp.pipe`` over the texts with the configured model, all components enabled;
- ``frontwatch``: the frontwatch pipeline (every stage that exists) over the same texts, each
  result serialized to frontwatch/1 JSON as the CLI does.

The texts are the demo corpus (or ``--corpus DIR``) repeated until there are at least
``--words`` words. Model loading is not timed. Prints words/s for both, their ratio, and peak
RSS; the target is a ratio of at least 0.75 with at most 1 GB peak RSS.

    python benchmarks/throughput.py [--corpus examples/corpus] [--words 200000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from frontwatch.config import load_settings
from frontwatch.model import Article
from frontwatch.pipeline import Ingestor
from frontwatch.pipeline.dedup import content_id

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(corpus: Path, min_words: int) -> list[str]:
    """The corpus's article texts, repeated until they hold ``min_words`` words."""
    result = Ingestor(load_settings()).ingest([corpus])
    base = [article.text for article in result.articles]
    if not base:
        sys.exit(f"no articles read from {corpus}")
    texts: list[str] = []
    words = 0
    while words < min_words:
        for text in base:
            texts.append(text)
            words += len(text.split())
    return texts


def measure(mode: str, texts: list[str]) -> dict[str, float]:
    settings = load_settings()
    words = sum(len(text.split()) for text in texts)
    if mode == "spacy":
        import spacy

        nlp = spacy.load(settings.model)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        elapsed = time.perf_counter() - start
    else:
        from frontwatch.pipeline import Pipeline

        pipeline = Pipeline.from_settings(settings)
        # Distinct ids so that repeated texts are analyzed as separate articles.
        articles = [
            Article(id=content_id(f"{i}\n{text}"), text=text) for i, text in enumerate(texts)
        ]
        start = time.perf_counter()
        size = 0
        for analysis in pipeline.run_articles(articles):
            size += len(analysis.model_dump_json())
        elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": words, "seconds": elapsed, "words_per_s": words / elapsed, "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--mode", choices=["spacy", "frontwatch"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    texts = corpus_texts(args.corpus, args.words)
    if args.mode:
        print(json.dumps(measure(args.mode, texts)))
        return
    results = {}
    for mode in ("spacy", "frontwatch"):
        command = [
            sys.executable,
            __file__,
            "--corpus",
            str(args.corpus),
            "--words",
            str(args.words),
            "--mode",
            mode,
        ]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[mode] = json.loads(output.strip().splitlines()[-1])
    bare, ours = results["spacy"], results["frontwatch"]
    ratio = ours["words_per_s"] / bare["words_per_s"]
    print(f"texts: {len(texts)} articles, {bare['words']:,} words (from {args.corpus})")
    for mode, row in results.items():
        print(
            f"{mode:>10}: {row['words_per_s']:9,.0f} words/s  {row['seconds']:7.1f} s  "
            f"peak RSS {row['peak_mb']:7.0f} MB"
        )
    print(f"     ratio: {ratio:.3f} (frontwatch / bare spaCy; target >= 0.75)")
    print(f"  peak RSS: {ours['peak_mb']:.0f} MB (frontwatch; target <= 1024 MB)")


if __name__ == "__main__":
    main()
