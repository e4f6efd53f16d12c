"""k-means written as the maths reads: the module the course asks you to read.

Lloyd's algorithm repeats two steps until nothing changes:

1. ``assign_labels``: every point joins its nearest centre;
2. ``update_centers``: every centre moves to the mean of its points.

``kmeans_plusplus`` picks the starting centres and ``lloyd`` is one whole run. The estimator
``KMeans`` (in ``_estimator.py``) checks its parameters, makes several runs and keeps the best;
``_fast.py`` computes the same steps faster for big data (notebook 11 builds it).

The tie rule: a point exactly as far from two centres joins the lower-numbered one (``np.argmin``
returns the first smallest value). scikit-learn's loop also keeps the first smallest, but it
subtracts the mean from X first, so its rounding differs: with whole numbers or repeated
points, an exact tie here can be a near-tie there, and the two runs can part ways.
"""

import numpy as np

from ._validation import (
    check_centers,
    check_cluster_indices,
    check_count,
    check_matrix,
    check_n_clusters,
    check_random_state,
)

__all__ = ["assign_labels", "update_centers", "kmeans_plusplus", "lloyd", "squared_distances"]


def sq_norms(A):
    """The squared length of each row: ``(A ** 2).sum(axis=1)``, added up as scikit-learn does."""
    return np.einsum("ij,ij->i", A, A)


def squared_distances(X, centers):
    """Squared distance from every point to every centre, an array of shape (n, k).

    Expanding the square gives ``||x - c||² = ||x||² - 2 x·c + ||c||²``. The middle term, for
    every pair at once, is one matrix product ``X @ centers.T``; the other two are the squared
    lengths of the rows. So we never build the (n, k, d) array of all differences
    ``X[:, None, :] - centers``, which would need d times more memory. Rounding can turn a
    distance of 0 into a tiny negative number, hence the ``np.maximum`` with 0.
    """
    sq_dist = -2 * (X @ centers.T) + sq_norms(X)[:, np.newaxis] + sq_norms(centers)
    return np.maximum(sq_dist, 0)


def nearest_centers(X, centers):
    """Index of each point's nearest centre, and its squared distance to it (no input checks)."""
    # ||x||² is the same for every centre, so it cannot change which centre is nearest: we
    # compare only -2 x·c + ||c||², as scikit-learn does (one sum fewer to round).
    labels = np.argmin(-2 * (X @ centers.T) + sq_norms(centers), axis=1)
    # The distance to the chosen centre comes from the differences themselves: when x is close
    # to c, that is more accurate than the expansion, and the inertia is built from it.
    sq_dist = sq_norms(X - centers[labels])
    return labels, sq_dist


def assign_labels(X, centers):
    """Step 1: the index of the nearest centre for each point (on a tie, the lower index).

    ``X`` has shape (n_samples, n_features), ``centers`` (n_clusters, n_features); the labels
    come back as int32, scikit-learn's type for labels.

    Examples
    --------
    >>> assign_labels([[0, 0], [9, 9], [1, 0]], [[0, 0], [10, 10]])
    array([0, 1, 0], dtype=int32)
    """
    X = check_matrix(X, "X")
    centers = check_centers(centers, X.shape[1])
    return nearest_centers(X, centers)[0].astype(np.int32)


def cluster_means(X, labels, n_clusters, old_centers=None):
    """The mean of the points of each cluster (no input checks). An empty cluster has no mean:
    its centre stays at ``old_centers[j]`` (an error without them)."""
    centers = np.empty((n_clusters, X.shape[1]), dtype=X.dtype)
    for j in range(n_clusters):
        members = X[labels == j]
        if len(members) > 0:
            centers[j] = members.sum(axis=0) / len(members)
        elif old_centers is not None:
            centers[j] = old_centers[j]
        else:
            raise ValueError(
                f"cluster {j} has no points, so its mean is undefined; "
                "pass old_centers= to keep its previous centre."
            )
    return centers


def update_centers(X, labels, n_clusters, *, old_centers=None):
    """Step 2: move each centre to the mean of the points assigned to it.

    ``labels`` holds one whole number from 0 to ``n_clusters - 1`` per row of X. An empty
    cluster's centre stays at ``old_centers`` if given; without them it is an error. The
    centres have the float type of X (float32 stays float32).

    Examples
    --------
    >>> update_centers([[0, 0], [2, 0], [10, 10]], [0, 0, 1], n_clusters=2)
    array([[ 1.,  0.],
           [10., 10.]])
    """
    X = check_matrix(X, "X")
    n_clusters = check_n_clusters(n_clusters)
    labels = check_cluster_indices(labels, n_clusters, n_samples=X.shape[0])
    if old_centers is not None:
        old_centers = check_centers(old_centers, X.shape[1], n_clusters, name="old_centers")
    return cluster_means(X, labels, n_clusters, old_centers)


def draw(weights, size, random_state):
    """Draw ``size`` row indices, each with probability proportional to ``weights[i]``: a
    uniform number in [0, total weight) lands in the running sum of the weights, in the stretch
    of one row; heavier rows own longer stretches (scikit-learn's k-means++ draws so too)."""
    running_sum = np.cumsum(weights)
    picks = np.searchsorted(running_sum, random_state.uniform(size=size) * running_sum[-1])
    return np.minimum(picks, len(weights) - 1)  # rounding can step past the last row


def kmeans_plusplus(X, n_clusters, *, random_state=None, n_local_trials=None):
    """Starting centres, spread out by k-means++ (the greedy variant scikit-learn uses).

    The first centre is a point drawn at random, every point equally likely. Each next centre
    is drawn with probability proportional to its squared distance to the nearest centre so
    far. Greedy k-means++ draws ``n_local_trials`` candidates (default ``2 + int(ln k)``) and
    keeps the one that leaves the smallest total squared distance; 1 gives the original one.
    The same ``random_state`` picks the same points as ``sklearn.cluster.kmeans_plusplus``
    (the same random numbers, looked up in the same running sums).

    Returns ``centers`` (k, d), the points ``X[indices]``, and ``indices`` (k,).

    Examples
    --------
    >>> X = [[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]]
    >>> kmeans_plusplus(X, n_clusters=2, random_state=0)[1]
    array([3, 2])
    """
    X = check_matrix(X, "X")
    n_clusters = check_n_clusters(n_clusters, X.shape[0])
    random_state = check_random_state(random_state)
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    check_count(n_local_trials, "n_local_trials", also="None or ")

    indices = draw(np.ones(len(X)), 1, random_state)  # every point equally likely
    closest_sq = squared_distances(X[indices], X)[0]  # to the nearest centre so far
    for _ in range(1, n_clusters):
        candidates = draw(closest_sq, n_local_trials, random_state)
        # For each candidate: each point's squared distance to its nearest centre if it joined.
        if_added = np.minimum(squared_distances(X[candidates], X), closest_sq)
        best = np.argmin(if_added.sum(axis=1))
        indices = np.append(indices, candidates[best])
        closest_sq = if_added[best]
    return X[indices], indices


def lloyd(X, centers, *, max_iter=300, tol=0.0):
    """One run of Lloyd's algorithm from ``centers`` (no input checks). It stops when no point
    changes cluster, when the centres moved at most ``tol`` in all (the sum of each centre's
    squared move), or after ``max_iter`` iterations: scikit-learn's rule.

    Returns a dict: "centers", "labels", "inertia" (the WCSS), "n_iter" (an assignment and an
    update make one iteration, and so does a last assignment that changed nothing) and
    "history", one entry per assignment: the centres, the labels and inertia they give.
    """
    history, old_labels, converged = [], None, False
    for iteration in range(max_iter):
        labels, sq_dist = nearest_centers(X, centers)  # 1. assignment step
        history.append(_entry(iteration, centers, labels, sq_dist))
        if np.array_equal(labels, old_labels):
            converged = True  # no point changed cluster
            break
        # A cluster left with no points has no mean. As scikit-learn does, it takes over the
        # point farthest from its centre (the next-farthest for a second empty cluster, ...).
        empty = np.flatnonzero(np.bincount(labels, minlength=len(centers)) == 0)
        moved = labels
        if empty.size > 0 and sq_dist.max() > 0:
            moved = labels.copy()
            moved[np.argpartition(sq_dist, -empty.size)[-empty.size :][::-1]] = empty
        new_centers = cluster_means(X, moved, len(centers), centers)  # 2. update step
        shift = ((new_centers - centers) ** 2).sum()  # 3. how far the centres moved
        centers, old_labels = new_centers, labels
        if shift <= tol:
            break
    if not converged:  # the centres moved after the last assignment: assign once more
        labels, sq_dist = nearest_centers(X, centers)
    history.append(_entry(iteration + 1, centers, labels, sq_dist))  # the final result
    result = {"centers": centers, "labels": labels, "n_iter": iteration + 1}
    return {**result, "inertia": history[-1]["inertia"], "history": history}


def _entry(iteration, centers, labels, sq_dist):
    """One entry of the history: centres, the labels they give, and the inertia (WCSS)."""
    inertia = float(sq_dist.sum())
    return {"iteration": iteration, "centers": centers, "labels": labels, "inertia": inertia}
