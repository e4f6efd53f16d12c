"""The fast path: the same k-means as ``_kmeans.py``, computed quicker and in less memory.

Read ``_kmeans.py`` first; notebook 11 ("Make k-means fast") goes from there to here, one idea
at a time. Every function here gives the same labels, the same centres and the same number of
iterations as its readable twin (the squared distances, and so the inertia, can differ in the
last digits: they are added up in another order).

Public functions (the others are helpers):

- ``nearest_centers(X, centers)`` -> ``(labels, sq_dist)``: as ``_kmeans.nearest_centers``,
  on blocks of rows, with the argmin written straight into the labels.
- ``cluster_means(X, labels, n_clusters, old_centers=None, counts=None)``: as
  ``_kmeans.cluster_means``, in one pass over X (``np.bincount`` or a sparse matrix product).
- ``kmeans_plusplus(X, n_clusters, random_state, n_local_trials=None)``: as
  ``_kmeans.kmeans_plusplus`` (the same points), without input checks, with the squared
  lengths of the points computed once and the distances in place.
- ``lloyd(X, centers, *, max_iter=300, tol=0.0)``: as ``_kmeans.lloyd``, with the steps above,
  BLAS on one thread, and ``history`` labels stored as int32.
- ``one_blas_thread(X, n_clusters)``: a ``with`` block that runs BLAS on a single thread for
  big products (nothing for small ones).

The ideas (notebook 11 takes them one at a time):

1. Distances by the expansion ``||x||² - 2 x·c + ||c||²``: one matrix product (BLAS) instead of
   an (n, k, d) array of differences (already in ``_kmeans.py``).
2. Blocks of rows: the (n, k) array of distances is computed for about 2**16 numbers at a time,
   so memory stays small however big n is; the argmin goes straight into the labels array.
3. The squared distance to the chosen centre with no temporary arrays (``np.take``, in-place
   operations, a matrix product with ones to add up each row).
4. The update in one pass over X: ``np.bincount`` per feature for few features, a sparse
   membership matrix times X for many (instead of one boolean mask per cluster).
5. Threads: BLAS on a single thread for these small products (scikit-learn does the same),
   since more threads only add overhead there and suffer most on a busy machine.
"""

import contextlib
import functools

import numpy as np
from scipy import sparse
from threadpoolctl import ThreadpoolController

from . import _kmeans
from ._kmeans import sq_norms

__all__ = ["nearest_centers", "cluster_means", "kmeans_plusplus", "lloyd", "one_blas_thread"]

# A block of rows holds about this many numbers (0.5 MB in float64; at least 256 rows).
CHUNK_ELEMENTS = 2**16

# OpenBLAS runs a product of fewer than about this many multiplications on one thread anyway.
SMALL_PRODUCT = 2**18

# Up to this many features (float64 data), the update adds up each cluster with one
# np.bincount per feature; beyond, or for float32 (bincount adds in float64, which would round
# differently from the readable mean), with one sparse matrix product.
FEW_FEATURES = 4


@functools.cache
def _threadpools():
    """The BLAS and OpenMP libraries in use (looked up once: that takes about a millisecond)."""
    return ThreadpoolController()


def one_blas_thread(X, n_clusters):
    """A ``with`` block in which BLAS (the matrix products) uses a single thread.

    Our products are blocks of rows, where more threads only add overhead (and slow down a lot
    when other programs keep the cores busy); scikit-learn's KMeans does the same. For small
    data, where BLAS uses one thread anyway, setting the limit would cost more than the
    products themselves, so it is skipped.
    """
    n_samples, n_features = X.shape
    if n_samples * n_features * n_clusters < SMALL_PRODUCT:
        return contextlib.nullcontext()
    return _threadpools().limit(limits=1, user_api="blas")


def row_chunks(n_samples, width):
    """Slices of rows, each small enough for an (n_rows, width) block of numbers."""
    n_rows = max(256, CHUNK_ELEMENTS // width)
    for start in range(0, n_samples, n_rows):
        yield slice(start, start + n_rows)


def nearest_centers(X, centers):
    """Labels (np.intp) and squared distance to the nearest centre, on blocks of rows.

    The same labels as ``_kmeans.nearest_centers`` (same scores, same argmin and tie rule).
    """
    (n_samples, n_features), n_clusters = X.shape, centers.shape[0]
    labels = np.empty(n_samples, dtype=np.intp)
    sq_dist = np.empty(n_samples, dtype=np.result_type(X, centers))
    minus_2_centers_t = -2 * centers.T  # -2 (X @ C.T) and X @ (-2 C.T) are the same numbers
    center_sq_norms = sq_norms(centers)
    ones = np.ones(n_features, dtype=sq_dist.dtype)
    for rows in row_chunks(n_samples, max(n_clusters, n_features)):
        scores = X[rows] @ minus_2_centers_t  # (n_rows, n_clusters)
        scores += center_sq_norms
        nearest = scores.argmin(axis=1, out=labels[rows])  # written straight into labels
        del scores  # free it before allocating more
        # sq_dist[rows] = ((X[rows] - centers[nearest]) ** 2).sum(axis=1), without temporary
        # arrays: np.take is centers[nearest] (quicker for small arrays), the difference is
        # taken the other way round so it can be done in place, and a product with ones adds
        # up each row (quicker than .sum).
        diff = np.take(centers, nearest, axis=0).astype(sq_dist.dtype, copy=False)
        diff -= X[rows]
        diff **= 2
        sq_dist[rows] = diff @ ones
    return labels, sq_dist


def cluster_means(X, labels, n_clusters, old_centers=None, counts=None):
    """As ``_kmeans.cluster_means`` (same numbers), reading X once instead of once per cluster.

    ``counts``, the number of points in each cluster, is counted here unless given.
    """
    n_samples, n_features = X.shape
    if n_features == 1:
        # numpy adds up a single column pairwise, not row after row as below: to give the
        # same numbers as the readable mean, use it (one feature is cheap anyway).
        return _kmeans.cluster_means(X, labels, n_clusters, old_centers)
    if counts is None:
        counts = np.bincount(labels, minlength=n_clusters)
    if n_features <= FEW_FEATURES and X.dtype == np.float64:
        # For each feature, np.bincount adds up the values of each cluster's points, in the
        # order of the rows (as the readable mean does).
        sums = np.empty((n_clusters, n_features))
        for j in range(n_features):
            sums[:, j] = np.bincount(labels, weights=X[:, j], minlength=n_clusters)
    else:
        # membership[j, i] is 1 when point i is in cluster j, so membership @ X adds up the
        # points of each cluster, in the order of the rows. Only the n ones are stored.
        ones = np.ones(n_samples, dtype=X.dtype)
        membership = sparse.coo_array(
            (ones, (labels, np.arange(n_samples))), shape=(n_clusters, n_samples)
        )
        sums = membership @ X
    if counts.all():  # no empty cluster
        return sums / counts[:, np.newaxis].astype(X.dtype)  # float32 data stays float32
    empty = counts == 0
    if old_centers is None:
        raise ValueError(
            f"cluster {np.flatnonzero(empty)[0]} has no points, so its mean is undefined; "
            "pass old_centers= to keep its previous centre."
        )
    centers = sums / np.maximum(counts, 1)[:, np.newaxis].astype(X.dtype)
    centers[empty] = old_centers[empty]
    return centers


def kmeans_plusplus(X, n_clusters, random_state, n_local_trials=None):
    """As ``_kmeans.kmeans_plusplus`` (same arithmetic, so the same points); no input checks,
    ``random_state`` a np.random.RandomState. Returns ``(centers, indices)``."""
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    x_sq_norms = sq_norms(X)  # once, not once per candidate

    def sq_distances_from(rows):  # _kmeans.squared_distances(X[rows], X), in place
        sq_dist = X[rows] @ X.T
        sq_dist *= -2
        sq_dist += x_sq_norms[rows, np.newaxis]
        sq_dist += x_sq_norms
        return np.maximum(sq_dist, 0, out=sq_dist)

    indices = np.empty(n_clusters, dtype=np.intp)
    with one_blas_thread(X, n_local_trials):
        indices[:1] = _kmeans.draw(np.ones(len(X)), 1, random_state)
        closest_sq = sq_distances_from(indices[:1])[0]
        for c in range(1, n_clusters):
            candidates = _kmeans.draw(closest_sq, n_local_trials, random_state)
            sq_dist = sq_distances_from(candidates)
            np.minimum(sq_dist, closest_sq, out=sq_dist)
            best = np.argmin(sq_dist.sum(axis=1))
            indices[c], closest_sq = candidates[best], sq_dist[best]
    return X[indices], indices


def _reseed_empty_clusters(X, centers, labels, sq_dist, counts):
    """As in ``_kmeans.lloyd``: each empty cluster takes over one of the farthest points.

    Returns the labels for the update step and the number of points in each cluster. The
    distances are recomputed as the readable code computes them (rare: only when a cluster is
    empty), so that the same point is picked.
    """
    empty = np.flatnonzero(counts == 0)
    sq_dist = sq_norms(X - centers[labels])
    if sq_dist.max() == 0:
        return labels, counts
    moved = labels.copy()
    moved[np.argpartition(sq_dist, -empty.size)[-empty.size :][::-1]] = empty
    return moved, np.bincount(moved, minlength=len(centers))


def _snapshot(iteration, centers, labels, sq_dist):
    """One history entry; labels as int32 (half the memory of np.intp)."""
    return {
        "iteration": iteration,
        "centers": centers,
        "labels": labels.astype(np.int32),
        "inertia": float(sq_dist.sum()),
    }


def lloyd(X, centers, *, max_iter=300, tol=0.0):
    """One run of Lloyd's algorithm, as ``_kmeans.lloyd`` (same result, same dict)."""
    n_clusters = centers.shape[0]
    history, old_labels, converged = [], None, False
    with one_blas_thread(X, n_clusters):
        for iteration in range(max_iter):
            labels, sq_dist = nearest_centers(X, centers)  # 1. assignment step
            history.append(_snapshot(iteration, centers, labels, sq_dist))
            if np.array_equal(labels, old_labels):
                converged = True
                break
            moved, counts = labels, np.bincount(labels, minlength=n_clusters)
            if not counts.all():
                moved, counts = _reseed_empty_clusters(X, centers, labels, sq_dist, counts)
            new_centers = cluster_means(X, moved, n_clusters, centers, counts)  # 2. update
            shift = ((new_centers - centers) ** 2).sum()  # 3. how far the centres moved
            centers, old_labels = new_centers, labels
            if shift <= tol:
                break
        if not converged:
            labels, sq_dist = nearest_centers(X, centers)
            history.append(_snapshot(iteration + 1, centers, labels, sq_dist))
        else:
            history.append({**history[-1], "iteration": iteration + 1})
    return {
        "centers": centers,
        "labels": labels,
        "inertia": history[-1]["inertia"],
        "n_iter": iteration + 1,
        "history": history,
    }
