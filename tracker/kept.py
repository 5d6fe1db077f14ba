"""A bounded mapping kept per process, shared by a worker's request threads.

The dashboard's figures (reports/figure_cache.py) and whole pages (kept_pages.py) are kept
in one each: the least recently used entry goes first once it holds `size` entries.
"""

from collections import OrderedDict
from threading import Lock


class Kept:
    MISSING = object()

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = Lock()

    def get(self, key):
        """The value under `key`, or MISSING."""
        with self.lock:
            if key not in self.entries:
                return self.MISSING
            self.entries.move_to_end(key)
            return self.entries[key]

    def put(self, key, value):
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
