"""How fast can numpy be? Single steps of Lloyd's algorithm against scikit-learn's whole fit.

    python benchmarks/bench_floor.py            (also run by: python3 course.py bench)
    python benchmarks/bench_floor.py --threads 1

bench_kmeans.py times tutorial_lib's whole fits against scikit-learn's. This script times
pieces that any numpy k-means must run, each 20 times (one per iteration), from the same
start and on the same data as bench_kmeans.py, and divides by the time of scikit-learn's whole
fit (20 iterations, tol=0, algorithm="lloyd"), measured in the same round:

- "assign floor": the assignment step at its cheapest, ``np.argmin(X @ (-2 C.T) + ||c||², 1)``
  on all rows at once (one matrix product, one addition, one argmin; no distances kept, no
  blocks of rows, BLAS with its default threads);
- "masks update": the readable update, the mean of each cluster through one boolean mask per
  cluster (tutorial_lib._kmeans.cluster_means);
- "one-pass update": the fast update (np.bincount per feature or a sparse matrix product,
  tutorial_lib._fast.cluster_means).

A ratio at or above a goal of bench_kmeans.py says that no numpy code built from these steps
can meet that goal: scikit-learn's compiled loop fuses the product, the argmin and the sums in
one pass over the data, on every core (notebook 11 shows how).
"""

import argparse
import os
import sys

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, os.path.dirname(__file__))
from bench_kmeans import N_ITER, SIZES, make_data, make_estimator, median_ratios  # noqa: E402

from tutorial_lib import _fast, _kmeans, kmeans_plusplus  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds")
    parser.add_argument("--threads", type=int, default=None, help="limit BLAS and OpenMP")
    parser.add_argument("--max-n", type=int, default=None, help="skip sizes with more samples")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, threads {args.threads or 'as the libraries start'}, "
          f"load average {load:.1f}; {args.rounds} rounds; {N_ITER} iterations each; "
          "ratios: time / scikit-learn's whole fit, same round (median)")
    print(f"{'n':>9} {'d':>3} {'k':>3} | {'assign floor':>12} | {'masks update':>12} | "
          f"{'one-pass update':>15} | sklearn s")
    with threadpool_limits(limits=args.threads):
        for n, d, k, _, _ in SIZES:
            if args.max_n and n > args.max_n:
                continue
            X = make_data(n, d)
            start = kmeans_plusplus(X, k, random_state=0)[0]
            labels = _kmeans.nearest_centers(X, start)[0]
            minus_2_c_t, c_sq = -2 * start.T, (start**2).sum(axis=1)
            sklearn = make_estimator("sklearn", start)

            def assign_floor():
                for _ in range(N_ITER):
                    np.argmin(X @ minus_2_c_t + c_sq, axis=1)

            def masks_update():
                for _ in range(N_ITER):
                    _kmeans.cluster_means(X, labels, k, start)

            def one_pass_update():
                for _ in range(N_ITER):
                    _fast.cluster_means(X, labels, k, start)

            ratios, sk_seconds = median_ratios(
                {
                    "sklearn": lambda: sklearn.fit(X),
                    "assign": assign_floor,
                    "masks": masks_update,
                    "one-pass": one_pass_update,
                },
                args.rounds,
            )
            print(f"{n:>9,} {d:>3} {k:>3} | {ratios['assign']:>11.2f}x | "
                  f"{ratios['masks']:>11.2f}x | {ratios['one-pass']:>14.2f}x | {sk_seconds:.4f}",
                  flush=True)


if __name__ == "__main__":
    main()
