"""k-means clustering written out in numpy: Lloyd's algorithm with a scikit-learn API.

Read this module from the top: ``assign_labels`` and ``update_centers`` are the two steps of
Lloyd's algorithm, ``kmeans_plusplus`` picks the starting centres, and ``KMeans`` puts them
together (``_run_lloyd`` is one run, ``KMeans.fit`` keeps the best of ``n_init`` runs).

From the same starting centres, ``KMeans`` gives the same labels, centres (up to rounding),
inertia and number of iterations as ``sklearn.cluster.KMeans(algorithm="lloyd")``: it uses the
same stopping rule, the same tolerance scaling and the same re-seeding of empty clusters. One
exception: a point exactly half-way between two centres (which happens with whole-number or
repeated values) goes to the lower-numbered centre here, while in scikit-learn rounding decides;
from there the two runs can end in different clusterings.

Each step computes what a plain numpy formula says (the comments give it), written to be quick
and to need little memory. The loops over blocks of rows (``_row_chunks``) are only there for
big data; the course's small data sets fit in a single block.
"""

import contextlib
import functools
import warnings
from numbers import Integral, Real

import numpy as np
from scipy import sparse
from sklearn.base import (
    BaseEstimator,
    ClassNamePrefixFeaturesOutMixin,
    ClusterMixin,
    TransformerMixin,
)
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted, validate_data
from threadpoolctl import ThreadpoolController

from ._validation import (
    check_centers,
    check_labels,
    check_matrix,
    check_n_clusters,
    check_option,
)

__all__ = ["KMeans", "assign_labels", "update_centers", "kmeans_plusplus"]

# ---------------------------------------------------------------------------------------------
# Speed and memory helpers. They are not part of k-means: skip them on a first reading and go
# to step 1 below.
# ---------------------------------------------------------------------------------------------

# Distances are computed for a block of rows at a time, about this many numbers per block
# (0.5 MB in float64; at least 256 rows), so that memory stays small: never an
# (n_samples, n_clusters, n_features) array, and not even a full (n_samples, n_clusters) one.
_CHUNK_ELEMENTS = 2**16

# BLAS is the library numpy uses for matrix products (OpenBLAS in numpy's wheels). OpenBLAS
# runs a product of fewer than about this many multiplications on a single thread.
_SMALL_PRODUCT = 2**18

# Up to this many features, the centre update adds up each cluster with one np.bincount per
# feature (quickest for small data); beyond, with one sparse matrix product (one pass over X).
_FEW_FEATURES = 4


@functools.cache
def _threadpools():
    """The BLAS and OpenMP libraries in use (looked up once: that takes about a millisecond)."""
    return ThreadpoolController()


def _one_blas_thread(X, n_clusters):
    """A ``with`` block in which BLAS (the matrix products) uses a single thread.

    Our matrix products are small blocks of rows, where more threads only add overhead (and
    slow down a lot when other programs keep the cores busy); scikit-learn's KMeans does the
    same. For small data (the course's), where BLAS uses one thread anyway, setting the limit
    would cost more than the products themselves, so it is skipped.
    """
    n_samples, n_features = X.shape
    if n_samples * n_features * n_clusters < _SMALL_PRODUCT:
        return contextlib.nullcontext()
    return _threadpools().limit(limits=1, user_api="blas")


def _row_chunks(n_samples, width):
    """Yield slices of rows, each small enough for an (n_rows, width) block of numbers."""
    n_rows = max(256, _CHUNK_ELEMENTS // width)
    for start in range(0, n_samples, n_rows):
        yield slice(start, start + n_rows)


# ---------------------------------------------------------------------------------------------
# Step 1 of Lloyd's algorithm: assign every point to its nearest centre
# ---------------------------------------------------------------------------------------------


def assign_labels(X, centers):
    """Assign each point to its nearest centre (step 1 of Lloyd's algorithm).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The points.
    centers : array-like of shape (n_clusters, n_features)
        The centres.

    Returns
    -------
    labels : ndarray of shape (n_samples,), dtype int32
        ``labels[i]`` is the index of the centre nearest to ``X[i]`` (on a tie, the lower
        index, up to rounding).

    Examples
    --------
    >>> assign_labels([[0, 0], [9, 9], [1, 0]], [[0, 0], [10, 10]])
    array([0, 1, 0], dtype=int32)
    """
    X = check_matrix(X, "X")
    centers = check_centers(centers, X.shape[1])
    labels, _ = _nearest_centers(X, centers)
    return labels.astype(np.int32)  # the dtype of scikit-learn's labels


def _nearest_centers(X, centers):
    """Labels and squared distances to the nearest centre; no input checks (used in loops).

    Returns ``labels`` (n_samples,) and ``sq_dist`` (n_samples,), where
    ``sq_dist[i] = ||X[i] - centers[labels[i]]||**2``. The labels are numpy's index type
    (``np.intp``, what argmin gives and np.bincount takes); the public functions turn them into
    int32, as scikit-learn's.
    """
    (n_samples, n_features), n_clusters = X.shape, centers.shape[0]
    labels = np.empty(n_samples, dtype=np.intp)
    sq_dist = np.empty(n_samples, dtype=np.result_type(X, centers))
    # ||x - c||**2 = ||x||**2 - 2 x.c + ||c||**2. The first term is the same for every centre,
    # so the nearest centre is the one with the smallest -2 x.c + ||c||**2: one matrix product.
    minus_2_centers_t = -2 * centers.T
    # The squared length of each centre: (centers ** 2).sum(axis=1), without a temporary array.
    center_sq_norms = np.einsum("ij,ij->i", centers, centers)
    ones = np.ones(n_features, dtype=sq_dist.dtype)
    for rows in _row_chunks(n_samples, max(n_clusters, n_features)):
        scores = X[rows] @ minus_2_centers_t  # (n_rows, n_clusters)
        scores += center_sq_norms
        nearest = scores.argmin(axis=1, out=labels[rows])  # written straight into labels
        # The squared distance to the chosen centre, computed directly (more accurate than
        # the formula above when x and c are close, which matters for the inertia):
        #     sq_dist[rows] = ((X[rows] - centers[nearest]) ** 2).sum(axis=1)
        # The lines below compute the same, quicker: np.take is centers[nearest], about 10x
        # quicker for small arrays; the difference is taken the other way round (its sign
        # does not matter once squared) so that it can be done in place, without temporary
        # arrays; and the sum of each row is a matrix product with ones, quicker than .sum.
        del scores  # no longer needed: free it before allocating more
        diff = np.take(centers, nearest, axis=0).astype(sq_dist.dtype, copy=False)
        diff -= X[rows]
        diff **= 2
        sq_dist[rows] = diff @ ones
    return labels, sq_dist


# ---------------------------------------------------------------------------------------------
# Step 2 of Lloyd's algorithm: move every centre to the mean of its points
# ---------------------------------------------------------------------------------------------


def update_centers(X, labels, n_clusters, *, old_centers=None):
    """Move each centre to the mean of the points assigned to it (step 2 of Lloyd's algorithm).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The points.
    labels : array-like of shape (n_samples,)
        Cluster index of each point, whole numbers from 0 to ``n_clusters - 1``.
    n_clusters : int
        The number of clusters k (some may have no points).
    old_centers : array-like of shape (n_clusters, n_features), optional
        Where an empty cluster's centre stays. Without it, an empty cluster is an error.

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        ``centers[j]`` is the mean of the points with label ``j``, or ``old_centers[j]`` if
        cluster ``j`` has no points. Same float type as X (float32 stays float32).

    Raises
    ------
    ValueError
        If a cluster has no points and ``old_centers`` is not given (its mean is undefined).

    Examples
    --------
    >>> update_centers([[0, 0], [2, 0], [10, 10]], [0, 0, 1], n_clusters=2)
    array([[ 1.,  0.],
           [10., 10.]])
    """
    X = check_matrix(X, "X")
    n_clusters = check_n_clusters(n_clusters)
    labels = check_labels(labels, "labels", n_samples=X.shape[0])
    if labels.dtype.kind not in "iu":  # floats, text, booleans: not cluster indices
        raise ValueError(
            f"labels must be whole numbers (cluster indices from 0 to n_clusters - 1 = "
            f"{n_clusters - 1}); got dtype {labels.dtype}, e.g. {labels[:1].tolist()[0]!r}."
        )
    if labels.min() < 0 or labels.max() >= n_clusters:
        raise ValueError(
            f"labels must be whole numbers from 0 to n_clusters - 1 = {n_clusters - 1}; "
            f"got values from {labels.min()} to {labels.max()}."
        )
    if old_centers is not None:
        old_centers = check_centers(old_centers, X.shape[1], n_clusters, name="old_centers")
    return _update_centers(X, labels, n_clusters, old_centers)


def _update_centers(X, labels, n_clusters, old_centers=None, counts=None):
    """Cluster means, as ``update_centers`` but without input checks (used in loops).

    ``counts``, the number of points in each cluster, is counted here unless given.
    """
    n_samples, n_features = X.shape
    if counts is None:
        counts = np.bincount(labels, minlength=n_clusters)  # points per cluster
    # The plain formula: np.array([X[labels == j].mean(axis=0) for j in range(n_clusters)]).
    # That reads X once per cluster; the sums below read it once in all.
    if n_features <= _FEW_FEATURES:
        # Few features (the course's 2-D data): for each feature, np.bincount adds up the
        # values of each cluster's points.
        sums = np.empty((n_clusters, n_features))
        for j in range(n_features):
            sums[:, j] = np.bincount(labels, weights=X[:, j], minlength=n_clusters)
        sums = sums.astype(X.dtype, copy=False)
    else:
        # Many features: membership[j, i] is 1 when point i is in cluster j, so membership @ X
        # adds up the points of each cluster. Only its n_samples ones are stored (a sparse
        # matrix): the sums take one pass over X, however many clusters there are.
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
    # (np.maximum(counts, 1) only avoids 0 / 0 for the empty clusters, replaced just after.)
    centers = sums / np.maximum(counts, 1)[:, np.newaxis].astype(X.dtype)
    centers[empty] = old_centers[empty]
    return centers


# ---------------------------------------------------------------------------------------------
# Starting centres: k-means++
# ---------------------------------------------------------------------------------------------


def kmeans_plusplus(X, n_clusters, *, random_state=None, n_local_trials=None):
    """Pick starting centres with k-means++ (greedy version, as scikit-learn).

    The first centre is a data point drawn uniformly at random. Each next centre is drawn with
    probability proportional to the squared distance to the nearest centre chosen so far, so
    far-away points are likely picks. Greedy k-means++ draws ``n_local_trials`` candidates this
    way and keeps the one that lowers the total squared distance the most.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data to pick centres from.
    n_clusters : int
        The number of centres k.
    random_state : int, RandomState instance or None, default=None
        Seed for the random draws; the same seed gives the same centres as
        ``sklearn.cluster.kmeans_plusplus``.
    n_local_trials : int or None, default=None
        Candidates per centre after the first; None means ``2 + int(log(k))`` (natural
        logarithm). 1 gives the original (non-greedy) k-means++.

    Returns
    -------
    centers : ndarray of shape (n_clusters, n_features)
        The starting centres, ``X[indices]``.
    indices : ndarray of shape (n_clusters,)
        Row of X of each centre. If X has fewer distinct points than k, some centres (and
        indices) repeat, as in scikit-learn.

    Examples
    --------
    >>> X = [[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]]
    >>> centers, indices = kmeans_plusplus(X, n_clusters=2, random_state=0)
    >>> indices
    array([3, 2])
    """
    X = check_matrix(X, "X")
    n_clusters = check_n_clusters(n_clusters, X.shape[0])
    if n_local_trials is not None and (
        isinstance(n_local_trials, bool)
        or not isinstance(n_local_trials, Integral)
        or n_local_trials < 1
    ):
        raise ValueError(
            f"n_local_trials must be None or a whole number >= 1; got {n_local_trials!r}."
        )
    return _kmeans_plusplus(X, n_clusters, check_random_state(random_state), n_local_trials)


def _kmeans_plusplus(X, n_clusters, random_state, n_local_trials=None):
    """k-means++ without input checks; ``random_state`` is a RandomState."""
    n_samples = X.shape[0]
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(n_clusters))
    x_sq_norms = np.einsum("ij,ij->i", X, X)
    indices = np.empty(n_clusters, dtype=int)

    # 1. The first centre: a point drawn uniformly at random. (The probabilities p are written
    #    out only so that the random draws are the same as scikit-learn's.)
    indices[0] = random_state.choice(n_samples, p=np.full(n_samples, 1 / n_samples))
    # closest_sq[i]: squared distance from point i to its nearest centre so far
    closest_sq = _sq_distances_to_rows(X, x_sq_norms, indices[:1])[0]
    total = closest_sq.sum()

    for c in range(1, n_clusters):
        # 2. Draw candidates with probability proportional to closest_sq: uniform numbers in
        #    [0, total) looked up in the running sum of closest_sq. (This is what
        #    random_state.choice(n_samples, p=closest_sq / total) does inside, written out so
        #    that the random numbers used are the same as scikit-learn's.)
        targets = random_state.uniform(size=n_local_trials) * total
        candidates = np.searchsorted(np.cumsum(closest_sq), targets)
        candidates = np.minimum(candidates, n_samples - 1)  # rounding can overshoot the end
        # 3. Keep the candidate that leaves the smallest total squared distance.
        sq_dist = _sq_distances_to_rows(X, x_sq_norms, candidates)  # (n_candidates, n_samples)
        # For each candidate: each point's distance to its nearest centre if it were added.
        np.minimum(sq_dist, closest_sq, out=sq_dist)
        totals = sq_dist.sum(axis=1)
        best = np.argmin(totals)
        indices[c], closest_sq, total = candidates[best], sq_dist[best], totals[best]

    return X[indices].copy(), indices


def _sq_distances_to_rows(X, x_sq_norms, rows):
    """Squared distances from the points X[rows] to every point, shape (len(rows), n_samples).

    Laid out one row per candidate (about 2x faster than one column per candidate).
    """
    sq_dist = X[rows] @ X.T
    sq_dist *= -2
    sq_dist += x_sq_norms[rows, np.newaxis]
    sq_dist += x_sq_norms
    return np.maximum(sq_dist, 0, out=sq_dist)  # rounding can give tiny negative numbers


# ---------------------------------------------------------------------------------------------
# One run of Lloyd's algorithm
# ---------------------------------------------------------------------------------------------


def _initial_centers(X, init, n_clusters, random_state):
    """Starting centres: k-means++, k distinct random points, or the given array."""
    if isinstance(init, str) and init == "k-means++":
        return _kmeans_plusplus(X, n_clusters, random_state)[0]
    if isinstance(init, str):  # "random" (p written out so the draws match scikit-learn's)
        n_samples = X.shape[0]
        p = np.full(n_samples, 1 / n_samples)
        return X[random_state.choice(n_samples, size=n_clusters, replace=False, p=p)]
    return init


def _scaled_tol(X, tol):
    """The tolerance on the centre shift: tol times the mean variance of the features."""
    if tol == 0:
        return 0.0
    return float(np.mean(np.var(X, axis=0)) * tol)


def _run_lloyd(X, centers, max_iter, tol):
    """Run Lloyd's algorithm once from ``centers``; ``tol`` is already scaled.

    Returns a dict with "centers", "labels", "inertia", "n_iter" and "history".
    """
    n_clusters = centers.shape[0]
    history = []
    old_labels = None
    strict_convergence = False

    for iteration in range(max_iter):
        # 1. Assignment step: every point joins its nearest centre.
        labels, sq_dist = _nearest_centers(X, centers)
        history.append(_snapshot(iteration, centers, labels, sq_dist))
        if np.array_equal(labels, old_labels):
            # No point changed cluster: converged. (The centres stay the ones these labels
            # were assigned to, so labels and centres always match.)
            strict_convergence = True
            break

        # 2. Update step: every centre moves to the mean of its points. A cluster that lost
        #    all its points is re-seeded first (see _reseed_empty_clusters).
        labels_for_update, counts = _reseed_empty_clusters(labels, sq_dist, n_clusters)
        new_centers = _update_centers(X, labels_for_update, n_clusters, centers, counts)

        # 3. Stop when the centres moved at most tol (the squared distances each centre
        #    moved, added up).
        center_shift = ((new_centers - centers) ** 2).sum()
        centers, old_labels = new_centers, labels
        if center_shift <= tol:
            break

    if not strict_convergence:
        # The centres moved after the last assignment: assign once more so the labels match.
        labels, sq_dist = _nearest_centers(X, centers)
    # The last entry: the final centres, labels and inertia (when no label changed, the loop
    # stopped before the update step, so this entry repeats the previous one).
    history.append(_snapshot(iteration + 1, centers, labels, sq_dist))
    return {
        "centers": centers,
        "labels": labels,
        "inertia": history[-1]["inertia"],
        "n_iter": iteration + 1,
        "history": history,
    }


def _reseed_empty_clusters(labels, sq_dist, n_clusters):
    """Give each empty cluster one of the points farthest from their centres.

    As in scikit-learn, the point moves to the empty cluster for the update step (the returned
    copy of ``labels``); the next assignment step then sorts things out. If every point sits
    exactly on its centre (more clusters than distinct points), nothing can help: the labels
    are returned unchanged and the empty cluster keeps its centre.

    Returns the labels for the update step and the number of points in each cluster.
    """
    counts = np.bincount(labels, minlength=n_clusters)
    if counts.all() or sq_dist.max() == 0:
        return labels, counts
    empty = np.flatnonzero(counts == 0)
    # The empty.size largest distances, in the order scikit-learn takes them.
    farthest = np.argpartition(sq_dist, -empty.size)[-empty.size :][::-1]
    labels = labels.copy()
    labels[farthest] = empty
    return labels, np.bincount(labels, minlength=n_clusters)


def _snapshot(iteration, centers, labels, sq_dist):
    """One entry of ``KMeans.history_``; labels stored in the smallest integer type."""
    return {
        "iteration": iteration,
        "centers": centers,
        "labels": labels.astype(np.min_scalar_type(centers.shape[0] - 1)),
        "inertia": float(sq_dist.sum(dtype=np.float64)),
    }


def _same_partition(labels_a, labels_b, n_clusters):
    """True if both labellings make the same groups, perhaps numbered differently."""
    # Encode each (a, b) pair of labels as one number. The groups are the same exactly when
    # there are as many distinct pairs as distinct labels on each side (a one-to-one match).
    pairs = np.unique(labels_a.astype(np.int64) * n_clusters + labels_b)
    return pairs.size == np.unique(labels_a).size == np.unique(labels_b).size


# ---------------------------------------------------------------------------------------------
# The estimator
# ---------------------------------------------------------------------------------------------


class KMeans(ClassNamePrefixFeaturesOutMixin, ClusterMixin, TransformerMixin, BaseEstimator):
    """k-means clustering with Lloyd's algorithm, written out in numpy.

    Lloyd's algorithm repeats two steps: (1) assign every point to its nearest centre,
    (2) move every centre to the mean of its points; it stops (3) when no point changes
    cluster, when the centres move at most ``tol``, or after ``max_iter`` iterations.
    Because the result depends on the starting centres, the whole run is repeated ``n_init``
    times and the run with the lowest inertia is kept.

    Parameters
    ----------
    n_clusters : int, default=8
        The number of clusters k.
    init : {"k-means++", "random"} or array-like of shape (n_clusters, n_features), \
            default="k-means++"
        How to start: "k-means++" (spread-out data points, see :func:`kmeans_plusplus`),
        "random" (k distinct data points drawn at random), or the starting centres
        themselves (then only one run is made, whatever ``n_init``).
    n_init : int or "auto", default=10
        The number of runs from different starting centres; the best one by inertia is kept.
        "auto", scikit-learn's default since version 1.4, means 1 run with "k-means++" and
        10 with "random".
    max_iter : int, default=300
        The largest number of iterations (assignment + update) in one run.
    tol : float, default=1e-4
        Relative tolerance on how far the centres move. It is scaled by the data, as in
        scikit-learn: a run stops when the centre shift (the sum over centres of the squared
        distance each centre moved in one update) is at most
        ``tol * np.mean(np.var(X, axis=0))``, tol times the average variance of the features.
        ``tol=0`` stops only when no point changes cluster, when no centre moves at all, or
        at ``max_iter``.
    random_state : int, RandomState instance or None, default=None
        Seed for the starting centres. With the same seed and the same parameters (``n_init``
        included: scikit-learn's default is "auto", here 10), the results are the same as
        ``sklearn.cluster.KMeans(algorithm="lloyd")`` up to rounding (but see the Notes on
        points half-way between two centres).

    Attributes
    ----------
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
        The centres of the best run.
    labels_ : ndarray of shape (n_samples,), dtype int32
        Cluster index of each training point.
    inertia_ : float
        Within-cluster sum of squares (WCSS): the sum of squared distances of the points to
        their centres.
    n_iter_ : int
        The number of iterations of the best run, counted as scikit-learn counts them: an
        assignment step followed by an update step is one iteration, and so is a last
        assignment step that changed no label (no update follows it).
    n_features_in_ : int
        The number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names, when ``fit`` was given a DataFrame with string column names.
    history_ : list of dict
        The best run, one entry per step: ``{"iteration": i, "centers": (k, d) array,
        "labels": (n,) array, "inertia": float}``. Entry 0 holds the starting centres, entry i
        the centres after i updates, each with the assignment to those centres and its
        inertia. There are ``n_iter_ + 1`` entries and the last one is the final result (if
        the run stopped because no label changed, the last two entries are equal). Labels are
        stored in the smallest integer type (uint8 for k <= 256): about n_samples bytes per
        iteration. Turn them into ``int`` (``.astype(int)``) before doing arithmetic with
        them: in uint8, 0 - 1 is 255.
    n_init_inertias_ : ndarray of shape (n_init,)
        The final inertia of each run (of shape (1,) when ``init`` is an array).

    See Also
    --------
    sklearn.cluster.KMeans : the fast implementation to use outside the course.

    Notes
    -----
    Distances are computed for blocks of rows with a matrix product, using
    ``||x - c||**2 = ||x||**2 - 2 x.c + ||c||**2``. An empty cluster is re-seeded at a
    point far from its centre (the farthest points of the data from their own centres), as
    scikit-learn does; if there are fewer distinct points than clusters, a
    ``ConvergenceWarning`` says so and some clusters stay empty.

    Unlike scikit-learn's KMeans, there is no ``sample_weight``, sparse data is refused, and
    X is not centred first (no copy of X). Rounding therefore differs a little: a point
    exactly half-way between two centres goes to the lower-numbered one here, while in
    scikit-learn rounding decides, and one such point can lead the two runs to different
    clusterings (it happens with whole-number or repeated values). When no label changes, the
    centres the labels were assigned to are kept, so ``labels_`` always equals ``predict(X)``.

    Scale your data: values beyond about 1e154 (1e19 in float32) overflow when squared, and
    k-means on unscaled features measures mostly the feature with the largest range anyway.

    Examples
    --------
    >>> X = [[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]]
    >>> km = KMeans(n_clusters=2, random_state=0).fit(X)
    >>> km.labels_
    array([1, 1, 1, 0, 0, 0], dtype=int32)
    >>> km.cluster_centers_
    array([[10.,  2.],
           [ 1.,  2.]])
    >>> km.predict([[0, 0], [12, 3]])
    array([1, 0], dtype=int32)
    """

    def __init__(
        self,
        n_clusters=8,
        *,
        init="k-means++",
        n_init=10,
        max_iter=300,
        tol=1e-4,
        random_state=None,
    ):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X, y=None):
        """Compute the clusters.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training points (numbers only, no NaN or infinity). Not modified.
        y : None
            Ignored; present for the scikit-learn API.

        Returns
        -------
        self : KMeans
            The fitted estimator.
        """
        X = self._check_X(X, reset=True)
        n_clusters = check_n_clusters(self.n_clusters, X.shape[0])
        self._check_params()
        init = self.init
        if isinstance(init, str):
            check_option(init, "init", ("k-means++", "random"))
            n_runs = self.n_init
            if n_runs == "auto":  # scikit-learn's meaning of "auto"
                n_runs = 1 if init == "k-means++" else 10
        elif callable(init):
            name = getattr(init, "__name__", "?")
            raise TypeError(
                "init must be 'k-means++', 'random' or an array of starting centres of shape "
                f"(n_clusters, n_features); got the function {name!r}, which this KMeans does "
                "not take (call it yourself and pass the centres it returns)."
            )
        else:  # starting centres given: every run would be the same, so make one
            init = check_centers(init, X.shape[1], n_clusters, name="init").astype(X.dtype)
            n_runs = 1
        random_state = check_random_state(self.random_state)
        tol = _scaled_tol(X, self.tol)

        best, inertias = None, []
        with _one_blas_thread(X, n_clusters):
            for _ in range(n_runs):
                start = _initial_centers(X, init, n_clusters, random_state)
                run = _run_lloyd(X, start, self.max_iter, tol)
                inertias.append(run["inertia"])
                # Keep the run with the lowest inertia. A run that found the same clusters,
                # numbered differently, only differs by rounding: keep the earlier, as sklearn.
                if best is None or (
                    run["inertia"] < best["inertia"]
                    and not _same_partition(run["labels"], best["labels"], n_clusters)
                ):
                    best = run

        n_distinct = np.count_nonzero(np.bincount(best["labels"], minlength=n_clusters))
        if n_distinct < n_clusters:
            warnings.warn(
                f"Number of distinct clusters ({n_distinct}) found smaller than "
                f"n_clusters ({n_clusters}). Possibly due to duplicate points in X.",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.cluster_centers_ = best["centers"].copy()
        self.labels_ = best["labels"].astype(np.int32)
        self.inertia_ = best["inertia"]
        self.n_iter_ = best["n_iter"]
        self.history_ = best["history"]
        self.n_init_inertias_ = np.array(inertias)
        self._n_features_out = n_clusters  # names the transform's columns kmeans0, kmeans1, ...
        return self

    def predict(self, X):
        """Index of the nearest centre for each point.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            New points.

        Returns
        -------
        labels : ndarray of shape (n_samples,), dtype int32
        """
        check_is_fitted(self)
        X = self._check_X(X, reset=False)
        with _one_blas_thread(X, self.cluster_centers_.shape[0]):
            labels, _ = _nearest_centers(X, self.cluster_centers_)
        return labels.astype(np.int32)

    def fit_predict(self, X, y=None):
        """Fit, then return ``labels_``, the cluster index of each training point."""
        return self.fit(X).labels_

    def transform(self, X):
        """Distances from each point to each centre.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Points.

        Returns
        -------
        distances : ndarray of shape (n_samples, n_clusters)
            ``distances[i, j]`` is the Euclidean distance from ``X[i]`` to centre ``j``.
        """
        check_is_fitted(self)
        X = self._check_X(X, reset=False)
        centers = self.cluster_centers_
        # ||x - c||**2 = ||x||**2 - 2 x.c + ||c||**2, as in _nearest_centers, now with the
        # ||x||**2 term since the distances themselves are wanted. Rounding can make a tiny
        # negative number (hence the maximum with 0) and makes distances to points very close
        # to a centre less exact than the inertia, which is computed from the differences.
        sq_dist = X @ (-2 * centers.T)
        sq_dist += np.einsum("ij,ij->i", X, X)[:, np.newaxis]
        sq_dist += np.einsum("ij,ij->i", centers, centers)
        return np.sqrt(np.maximum(sq_dist, 0, out=sq_dist), out=sq_dist)

    def fit_transform(self, X, y=None):
        """Fit, then return the distances from each training point to each centre."""
        return self.fit(X).transform(X)

    def score(self, X, y=None):
        """Minus the inertia of X (higher is better, as for every scikit-learn score).

        The inertia is the sum of the squared distances from the points to their nearest
        centre.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Points.
        y : None
            Ignored.

        Returns
        -------
        score : float
        """
        check_is_fitted(self)
        X = self._check_X(X, reset=False)
        with _one_blas_thread(X, self.cluster_centers_.shape[0]):
            _, sq_dist = _nearest_centers(X, self.cluster_centers_)
        return -float(sq_dist.sum(dtype=np.float64))

    def __sklearn_tags__(self):
        # Tells scikit-learn's checks that transform keeps float32 input in float32.
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float64", "float32"]
        return tags

    # -- input checks --------------------------------------------------------------------------

    def _check_X(self, X, *, reset):
        """Check X with clear messages, then record (reset=True) or compare the number and
        names of the features with scikit-learn's validate_data."""
        X_checked = check_matrix(X, "X")
        validate_data(self, X, reset=reset, skip_check_array=True)
        return X_checked

    def _check_params(self):
        """A wrong type of value raises TypeError, a value out of range ValueError."""
        for name in ("n_init", "max_iter"):
            value = getattr(self, name)
            if name == "n_init" and isinstance(value, str) and value == "auto":
                continue
            if isinstance(value, bool) or not isinstance(value, Integral):
                also = ' or "auto"' if name == "n_init" else ""
                raise TypeError(f"{name} must be a whole number >= 1{also}; got {value!r}.")
            if value < 1:
                raise ValueError(f"{name} must be a whole number >= 1; got {value!r}.")
        if isinstance(self.tol, bool) or not isinstance(self.tol, Real):
            raise TypeError(f"tol must be a number >= 0; got {self.tol!r}.")
        if not self.tol >= 0:  # also catches NaN
            raise ValueError(f"tol must be a number >= 0; got {self.tol!r}.")
