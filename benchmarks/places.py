"""Gazetteer and toponym-resolution speed and memory.

Prints: the time and peak RSS to open the gazetteer and answer a first lookup (in a fresh
process), and toponyms resolved per second after load. Toponyms come from the geoparsing
corpora in ../shared/data/eval/geoparse when present (gold spans), else from the demo corpus
(spans found by the recognizer). Targets: open < 0.3 s and < 150 MB; >= 10,000 toponyms/s.

    python benchmarks/places.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from frontwatch.config import load_settings
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "eval" / "geoparse"

_OPEN = """
import resource, sys, time
start = time.perf_counter()
from frontwatch.gazetteer.lookup import Gazetteer
from pathlib import Path
gazetteer = Gazetteer.open(Path(sys.argv[1]))
gazetteer.candidates("Lyman")
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def documents() -> list[tuple[str, list[Toponym]]]:
    if SHARED.is_dir():
        from frontwatch.evaluation.geoparse import read_corpus

        result = []
        for name in ("GWN.xml", "lgl.xml"):
            for document in read_corpus(SHARED / name):
                spans = [
                    Toponym(t.start, t.end, document.text[t.start : t.end])
                    for t in document.toponyms
                    if t.recognition
                ]
                result.append((document.text, spans))
        return result
    sys.exit("no geoparsing corpus at ../shared/data/eval/geoparse")


def main() -> None:
    settings = load_settings()
    gazetteer = Gazetteer.from_settings(settings)
    opened = subprocess.run(
        [sys.executable, "-c", _OPEN, str(gazetteer.path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    print(
        f"gazetteer: {gazetteer.path} ({gazetteer.path.stat().st_size / 2**20:.0f} MB, "
        f"{gazetteer.stats()['places']} places)"
    )
    print(
        f"open + first lookup: {float(opened[0]) * 1000:.0f} ms, "
        f"peak RSS {float(opened[1]):.0f} MB (targets < 300 ms, < 150 MB)"
    )
    docs = documents()
    resolver = Resolver(gazetteer)
    count = sum(len(spans) for _, spans in docs)
    for label in ("cold cache", "warm cache"):
        start = time.perf_counter()
        for text, spans in docs:
            resolver.resolve(text, spans)
        seconds = time.perf_counter() - start
        print(
            f"resolve ({label}): {count:,} toponyms in {seconds:.2f} s = "
            f"{count / seconds:,.0f} toponyms/s (target >= 10,000)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"toponyms": count, "peak_rss_mb": round(peak)}))


if __name__ == "__main__":
    main()
