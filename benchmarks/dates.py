"""Cost of the dates stage per article, on top of the spaCy pass.

Reads the demo corpus (or ``--corpus DIR``), runs the analyze stage once (not timed) and then
the dates stage (``frontwatch.dates.v1``) ``--repeat`` times over the analyzed batch, with the
spaCy ``Doc`` of each article as the pipeline passes it. Prints the milliseconds per article
of the dates stage, and of the analyze stage for comparison; the target is at most 2 ms per
article on average.

    python benchmarks/dates.py [--corpus examples/corpus] [--repeat 20]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from frontwatch.config import load_settings
from frontwatch.model import ArticleAnalysis
from frontwatch.pipeline import Ingestor, Item
from frontwatch.pipeline.analyze import Analyzer
from frontwatch.pipeline.dates import DateTagger

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    settings = load_settings()
    articles = Ingestor(settings).ingest([args.corpus]).articles
    if not articles:
        raise SystemExit(f"no articles read from {args.corpus}")
    analyzer = Analyzer.from_settings(settings)
    tagger = DateTagger.from_settings(settings)
    items = [
        Item(article=a, analysis=ArticleAnalysis(article=a, stages=("frontwatch.ingest.v1",)))
        for a in articles
    ]
    started = time.perf_counter()
    items = analyzer(items)
    spacy_ms = (time.perf_counter() - started) * 1000 / len(items)
    tagger(items)  # warm up: compiled patterns, caches
    started = time.perf_counter()
    for _ in range(args.repeat):
        tagged = tagger(items)
    dates_ms = (time.perf_counter() - started) * 1000 / (len(items) * args.repeat)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    found = sum(len(item.analysis.times or ()) for item in tagged) / len(tagged)
    print(f"articles: {len(items)} from {args.corpus} ({words:.0f} words on average)")
    print(f"analyze (spaCy): {spacy_ms:6.2f} ms/article (one pass)")
    print(
        f"dates:           {dates_ms:6.2f} ms/article (mean of {args.repeat} passes; target <= 2)"
    )
    print(f"time expressions: {found:.1f} per article")


if __name__ == "__main__":
    main()
