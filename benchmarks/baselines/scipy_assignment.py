"""scipy baseline for `npm run bench`: solves one instance written by benchmarks/run.ts.

Usage: python3 scipy_assignment.py <instance.json> <runs>
Prints one JSON line: {"times": [ms...], "objective": x, "baseMb": rss at start (before reading
the instance), "peakMb": max rss}: their difference is the memory for the input and the solves.
Dense instances go to linear_sum_assignment (columns with capacity > 1 are replicated, as scipy
has no capacities); sparse ones to min_weight_full_bipartite_matching.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def rss_mb():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


def main():
    start = rss_mb()
    meta_path, runs = sys.argv[1], int(sys.argv[2])
    with open(meta_path) as f:
        meta = json.load(f)
    base = meta_path[: -len('.json')]
    rows, cols, maximize = meta['rows'], meta['cols'], meta['maximize']
    if meta['kind'] == 'dense':
        w = np.fromfile(base + '.weights.bin', dtype='<f8').reshape(rows, cols)
        if meta.get('colCapacity'):
            cap = np.fromfile(base + '.colcap.bin', dtype='<i4')
            w = np.repeat(w, cap, axis=1)
        solve = lambda: linear_sum_assignment(w, maximize=maximize)
        value = lambda r: float(w[r[0], r[1]].sum())
    else:
        r = np.fromfile(base + '.row.bin', dtype='<i4')
        c = np.fromfile(base + '.col.bin', dtype='<i4')
        x = np.fromfile(base + '.weight.bin', dtype='<f8')
        m = csr_matrix((x, (r, c)), shape=(rows, cols))
        solve = lambda: min_weight_full_bipartite_matching(m, maximize=maximize)
        value = lambda res: float(m[res[0], res[1]].sum())
    result = solve()  # warm-up, as for the other implementations
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = solve()
        times.append((time.perf_counter() - t0) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000
    print(json.dumps({'times': times, 'objective': value(result), 'baseMb': start, 'peakMb': peak}))


if __name__ == '__main__':
    main()
