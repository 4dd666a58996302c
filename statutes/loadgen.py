"""A small closed-loop HTTP load client (used when wrk is not installed): interleaves endpoints and
records each one's latencies."""

import http.client
import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run(targets, *, seconds, connections):
    """targets: {name: absolute URL}. Each connection cycles through all targets for `seconds`.
    Returns {name: {"requests", "errors", "rps", "p50", "p95", "p99"}} with latencies in ms."""
    latencies = defaultdict(list)
    errors = defaultdict(int)
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    names = list(targets)

    def worker(offset):
        conns = {}
        i = offset
        while time.perf_counter() < deadline:
            name = names[i % len(names)]
            i += 1
            parts = urlsplit(targets[name])
            conn = conns.get(parts.netloc)
            if conn is None:
                conn = conns[parts.netloc] = http.client.HTTPConnection(parts.netloc, timeout=30)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conns.pop(parts.netloc, None)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if ok:
                    latencies[name].append(elapsed)
                else:
                    errors[name] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    duration = time.perf_counter() - began
    return {
        name: {
            "requests": len(latencies[name]),
            "errors": errors[name],
            "rps": round(len(latencies[name]) / duration, 1),
            "p50": percentile(latencies[name], 50),
            "p95": percentile(latencies[name], 95),
            "p99": percentile(latencies[name], 99),
        }
        for name in names
    }
