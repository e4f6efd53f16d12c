"""The KMeans estimator: scikit-learn's API around the readable k-means of ``_kmeans.py``.

``KMeans.fit`` checks its input and parameters, picks the starting centres (k-means++, random
points, or given), makes ``n_init`` runs of Lloyd's algorithm and keeps the best one, with
its ``history_`` for the course's plots. Each run is ``_kmeans.lloyd`` (the code the course
asks you to read) or ``_fast.lloyd`` (the same result, quicker for big data): the
``implementation`` parameter chooses, and by default ("auto") the size of the data does.

From the same starting centres, the result is scikit-learn's ``KMeans(algorithm="lloyd")``:
same labels, centres and inertia (up to rounding) and the same ``n_iter_``, with the tie rule
stated in ``_kmeans.py``.
"""

import warnings
from numbers import Integral, Real

import numpy as np
from sklearn.base import (
    BaseEstimator,
    ClassNamePrefixFeaturesOutMixin,
    ClusterMixin,
    TransformerMixin,
)
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.validation import check_is_fitted, validate_data

from . import _fast, _kmeans
from ._kmeans import squared_distances
from ._validation import (
    check_centers,
    check_matrix,
    check_n_clusters,
    check_option,
    check_random_state,
    check_scale,
)

__all__ = ["KMeans"]

# implementation="auto" runs the readable code while n_samples * n_features * n_clusters is
# below this (all the course's data up to notebook 10), the fast code from there on.
READABLE_UP_TO = 2**18


def _initial_centers(X, init, n_clusters, random_state, fast):
    """Starting centres: k-means++, k distinct random points, or the given array."""
    if isinstance(init, str) and init == "k-means++" and fast:
        return _fast.kmeans_plusplus(X, n_clusters, random_state)[0]
    if isinstance(init, str) and init == "k-means++":
        return _kmeans.kmeans_plusplus(X, n_clusters, random_state=random_state)[0]
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


def _same_partition(labels_a, labels_b, n_clusters):
    """True if both labellings make the same groups, perhaps numbered differently."""
    # Encode each (a, b) pair of labels as one number. The groups are the same exactly when
    # there are as many distinct pairs as distinct labels on each side (a one-to-one match).
    pairs = np.unique(labels_a.astype(np.int64) * n_clusters + labels_b)
    return pairs.size == np.unique(labels_a).size == np.unique(labels_b).size


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
        Seed for the starting centres: a whole number from 0 to 2**32 - 1, a
        ``np.random.RandomState``, or None (numpy's global random state); not a
        ``np.random.Generator``, which scikit-learn does not take either. With the same seed
        and the same parameters (``n_init`` included: scikit-learn's default is "auto", here
        10), the results are the same as ``sklearn.cluster.KMeans(algorithm="lloyd")`` up to
        rounding (but see the Notes on points half-way between two centres).
    implementation : {"auto", "readable", "fast"}, default="auto"
        Which code runs Lloyd's algorithm; both give the same labels, centres and ``n_iter_``.
        "readable" is ``tutorial_lib._kmeans.lloyd``, the code the course asks you to read;
        "fast" is ``tutorial_lib._fast.lloyd`` (blocks of rows, BLAS on one thread, a one-pass
        update; notebook 11). "auto" takes the readable code while
        ``n_samples * n_features * n_clusters`` is below 2**18 (262,144: all the course's
        data sets up to notebook 10), and the fast code for bigger data.

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
        int32, as ``labels_``: 4 bytes per sample and iteration.
    n_init_inertias_ : ndarray of shape (n_init,)
        The final inertia of each run (of shape (1,) when ``init`` is an array).

    See Also
    --------
    sklearn.cluster.KMeans : the fast implementation to use outside the course.

    Notes
    -----
    Distances are computed with a matrix product, using
    ``||x - c||**2 = ||x||**2 - 2 x.c + ||c||**2`` (see ``_kmeans.squared_distances``).
    An empty cluster is re-seeded at a
    point far from its centre (the farthest points of the data from their own centres), as
    scikit-learn does; if there are fewer distinct points than clusters, a
    ``ConvergenceWarning`` says so and some clusters stay empty.

    Unlike scikit-learn's KMeans, there is no ``sample_weight`` (``fit`` says so), sparse data
    is refused, and X is not centred first (no copy of X). Rounding therefore differs a little:
    a point exactly half-way between two centres goes to the lower-numbered one here, while in
    scikit-learn rounding decides, and one such point can lead the two runs to different
    clusterings (it happens with whole-number or repeated values). When no label changes, the
    centres the labels were assigned to are kept, so ``labels_`` always equals ``predict(X)``.

    Scale your data: values beyond about 1e154 (1e19 in float32) overflow when squared; data
    whose features all span less than about 1e-154 (1e-19 in float32) underflow when squared
    (``fit`` refuses them with a message); and k-means on unscaled features measures mostly
    the feature with the largest range anyway.

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
        implementation="auto",
    ):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state
        self.implementation = implementation

    def fit(self, X, y=None, **kwargs):
        """Compute the clusters.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training points (numbers only, no NaN or infinity). Not modified.
        y : None
            Ignored; present for the scikit-learn API.
        **kwargs
            None taken: there only to give a clear message for ``sample_weight``, which this
            KMeans does not have.

        Returns
        -------
        self : KMeans
            The fitted estimator.
        """
        _refuse_fit_arguments(kwargs)
        X = self._check_X(X, reset=True)
        n_clusters = check_n_clusters(self.n_clusters, X.shape[0])
        self._check_params()
        check_scale(X)
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
        fast = self._use_fast(X, n_clusters)
        lloyd = _fast.lloyd if fast else _kmeans.lloyd

        best, inertias = None, []
        for _ in range(n_runs):
            start = _initial_centers(X, init, n_clusters, random_state, fast)
            run = lloyd(X, start, max_iter=self.max_iter, tol=tol)
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
        # Labels as int32 everywhere, as labels_ (the fast path stores them so already).
        self.history_ = [
            {**entry, "labels": entry["labels"].astype(np.int32, copy=False)}
            for entry in best["history"]
        ]
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
        labels, _ = self._nearest_centers(X)
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
        # Through the expansion (rounding makes distances to points very close to a centre
        # less exact than the inertia, which is computed from the differences).
        return np.sqrt(squared_distances(X, self.cluster_centers_))

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
        _, sq_dist = self._nearest_centers(X)
        return -float(sq_dist.sum(dtype=np.float64))

    def __sklearn_tags__(self):
        # Tells scikit-learn's checks that transform keeps float32 input in float32.
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float64", "float32"]
        return tags

    # -- which implementation ------------------------------------------------------------------

    def _use_fast(self, X, n_clusters):
        check_option(self.implementation, "implementation", ("auto", "readable", "fast"))
        if self.implementation == "auto":
            return X.shape[0] * X.shape[1] * n_clusters >= READABLE_UP_TO
        return self.implementation == "fast"

    def _nearest_centers(self, X):
        centers = self.cluster_centers_
        if self._use_fast(X, centers.shape[0]):
            with _fast.one_blas_thread(X, centers.shape[0]):
                return _fast.nearest_centers(X, centers)
        return _kmeans.nearest_centers(X, centers)

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


def _refuse_fit_arguments(kwargs):
    """``fit`` takes no keyword arguments but y: say why for sample_weight, name any other."""
    if "sample_weight" in kwargs:
        raise TypeError(
            "This teaching KMeans has no sample_weight: every point counts once. For weighted "
            "k-means use sklearn.cluster.KMeans, whose fit(X, sample_weight=w) takes them."
        )
    if kwargs:
        raise TypeError(
            f"KMeans.fit() got an unexpected keyword argument {next(iter(kwargs))!r}; "
            "it takes X (and y, ignored)."
        )
