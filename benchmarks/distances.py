"""What the distance band from the map costs: the first question per process, the next ones.

    .venv/bin/python benchmarks/distances.py

Prints the time of the first proposal (it reads the GeoNames city data and builds the
index), of a thousand more, and, reading the data a second time under tracemalloc, the
peak memory while reading and what the index keeps.
"""

import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker import create_app  # noqa: E402
from tracker.erasmus.distances import _city_index, _proposal, propose_band  # noqa: E402

PARTNERS = [("DE", "Berlin"), ("ES", "Granada"), ("KE", "Nairobi"), ("ID", "Yogyakarta")]


def main():
    app = create_app("testing")
    with app.app_context():
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        proposal = propose_band("BE", "Leuven")
        first = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        for number in range(1000):
            propose_band(*PARTNERS[number % len(PARTNERS)])
        later = time.perf_counter() - started
        _city_index.cache_clear()
        _proposal.cache_clear()
        tracemalloc.start()
        propose_band("BE", "Leuven")
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"first proposal (reads the city data): {first:.2f} s ({proposal.km} km to Leuven)")
    print(f"1,000 more proposals: {later * 1000:.1f} ms")
    print(f"memory while reading: peak {peak / 1e6:.0f} MB, then kept {kept / 1e6:.0f} MB")
    print(f"maximum resident size grew by {(rss_after - rss_before) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
