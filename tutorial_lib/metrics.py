"""Metrics for a clustering: WCSS, silhouette, and accuracy after aligning cluster ids.

- ``wcss``: the within-cluster sum of squares that k-means minimises (scikit-learn's ``inertia_``).
- ``silhouette_samples`` / ``silhouette_score``: how well each point sits in its cluster, written
  by hand (they agree with ``sklearn.metrics.silhouette_samples`` / ``silhouette_score``).
- ``label_mapping`` / ``align_labels`` / ``aligned_accuracy``: cluster ids are arbitrary names
  (cluster 0 may be the true class "B"), so before comparing a clustering with true labels we
  match each cluster to a class by solving the assignment problem on the confusion matrix
  (``scipy.optimize.linear_sum_assignment``: a modified Jonker-Volgenant algorithm, which
  finds the same optimum as the Hungarian algorithm).
- ``split_half_stability``: how much two fits of the same model, on the two halves of the
  training part, agree about held-out points (the adjusted Rand index); no labels needed.
"""

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.base import clone
from sklearn.metrics import adjusted_rand_score

from ._kmeans import cluster_means as _cluster_means  # the one implementation, shared
from ._validation import check_centers, check_count, check_labels, check_matrix

__all__ = [
    "wcss",
    "silhouette_samples",
    "silhouette_score",
    "label_mapping",
    "align_labels",
    "aligned_accuracy",
    "split_half_stability",
]

# silhouette_samples works on blocks of rows so that the distance block stays below this size
# (about 32 MB of float64), whatever the number of samples.
_CHUNK_BYTES = 32 * 2**20


def _unique(labels, name):
    """np.unique(labels, return_inverse=True, return_counts=True), with a clear error."""
    try:
        return np.unique(labels, return_inverse=True, return_counts=True)
    except TypeError:
        raise TypeError(
            f"{name} mixes values that cannot be compared (e.g. numbers and text); "
            "use one kind of label."
        ) from None


def _center_indices(labels, n_centers):
    """Check that labels can index the rows of ``centers`` and return them as ints."""
    if labels.dtype.kind in "iu":
        codes = labels.astype(np.intp)
    elif labels.dtype.kind == "f" and np.all(labels == np.round(labels)):
        codes = labels.astype(np.intp)  # whole numbers stored as floats, e.g. from pandas
    else:
        raise TypeError(
            "When centers is given, labels must be whole numbers: labels[i] = j means that "
            f"sample i belongs to centers[j]. Got labels of dtype {labels.dtype}."
        )
    bad = (codes < 0) | (codes >= n_centers)
    if bad.any():
        raise ValueError(
            f"labels must lie in 0..{n_centers - 1} (one per row of centers); "
            f"found {codes[bad][0]}."
        )
    return codes


def wcss(X, labels, centers=None):
    r"""Within-cluster sum of squares (WCSS), also called inertia.

    .. math:: \mathrm{WCSS} = \sum_{i=1}^{n} \lVert x_i - c_{\ell_i} \rVert^2

    the squared Euclidean distance of every point :math:`x_i` to the centre :math:`c_{\ell_i}`
    of its own cluster, summed over all points. k-means makes this as small as it can;
    scikit-learn calls it ``inertia_``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    labels : array-like of shape (n_samples,)
        Cluster of each sample. With ``centers`` given, ``labels[i] = j`` means "row j of
        centers"; without, any labels (numbers or text) are fine.
    centers : array-like of shape (n_clusters, n_features), optional
        The centres. Default: the mean of each cluster's points.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        Mismatched lengths or numbers of features, NaN/inf, empty input, labels outside
        ``0 .. n_clusters - 1``.
    TypeError
        Non-numeric data, or non-integer labels when ``centers`` is given.

    Examples
    --------
    >>> wcss([[0.0], [2.0], [10.0]], [0, 0, 1])
    2.0
    """
    X = check_matrix(X, "X")
    labels = check_labels(labels, "labels", n_samples=X.shape[0])
    if centers is None:
        clusters, codes, _ = _unique(labels, "labels")
        centers = _cluster_means(X, codes, len(clusters))
    else:
        centers = check_centers(centers, X.shape[1])
        codes = _center_indices(labels, centers.shape[0])
    differences = X - centers[codes]  # (n_samples, n_features): each point minus its own centre
    return float(np.sum(differences**2))


def _silhouette_parts(X, codes, counts, metric="euclidean"):
    """Return a and b of the silhouette, computed on blocks of rows (at most _CHUNK_BYTES).

    a[i]: mean distance from point i to the other points of its cluster (0 if it is alone).
    b[i]: mean distance from point i to the points of the nearest other cluster.
    ``codes`` are cluster indices 0 .. k - 1 and ``counts`` the size of each cluster;
    ``metric`` is any of scipy's ``cdist`` (the exercise checks also try "sqeuclidean").
    """
    n_samples, n_clusters = X.shape[0], len(counts)
    chunk_rows = max(1, _CHUNK_BYTES // (8 * n_samples))
    # one_hot[i, j] = 1 if sample i is in cluster j, so (distances @ one_hot)[:, j] sums the
    # distances to the members of cluster j.
    one_hot = np.zeros((n_samples, n_clusters))
    one_hot[np.arange(n_samples), codes] = 1.0
    a = np.empty(n_samples)
    b = np.empty(n_samples)
    for start in range(0, n_samples, chunk_rows):
        stop = min(start + chunk_rows, n_samples)
        rows = np.arange(stop - start)
        own = codes[start:stop]
        # 1. distances from the points of this block to every point: (block, n_samples)
        distances = cdist(X[start:stop], X, metric=metric)
        # 2. sum of the distances to each cluster's members: (block, n_clusters)
        sums = distances @ one_hot
        # 3. a: the point's distance to itself is 0, so divide by the *other* members (n - 1)
        a[start:stop] = sums[rows, own] / np.maximum(counts[own] - 1, 1)
        # 4. b: mean distance to each other cluster, and take the nearest one
        means = sums / counts
        means[rows, own] = np.inf
        b[start:stop] = means.min(axis=1)
    return a, b


def silhouette_samples(X, labels):
    r"""Silhouette value of every sample (Euclidean distance), written by hand.

    For sample :math:`i` in cluster :math:`C`:

    .. math::

        a_i = \frac{1}{|C| - 1} \sum_{j \in C,\, j \ne i} d(x_i, x_j), \qquad
        b_i = \min_{C' \ne C} \frac{1}{|C'|} \sum_{j \in C'} d(x_i, x_j), \qquad
        s_i = \frac{b_i - a_i}{\max(a_i, b_i)}

    :math:`a_i` is how far the point is from its own cluster, :math:`b_i` how far from the
    nearest other cluster. :math:`s_i` lies in [-1, 1]: near 1, well inside its cluster; near
    0, on a border; negative, probably in the wrong cluster. A sample alone in its cluster
    gets 0, and so does a sample with :math:`a_i = b_i = 0` (as in scikit-learn).

    Distances are computed on blocks of rows, so memory stays bounded for large data sets
    (the time still grows as :math:`n^2`).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data.
    labels : array-like of shape (n_samples,)
        Cluster of each sample (any labels: numbers or text).

    Returns
    -------
    ndarray of shape (n_samples,)
        Equal to ``sklearn.metrics.silhouette_samples(X, labels)``.

    Raises
    ------
    ValueError
        Fewer than 2 clusters, or as many clusters as samples (the silhouette needs
        ``2 <= n_clusters <= n_samples - 1``); mismatched lengths, NaN/inf, empty input.
    """
    X = check_matrix(X, "X")
    labels = check_labels(labels, "labels", n_samples=X.shape[0])
    n_samples = X.shape[0]
    clusters, codes, counts = _unique(labels, "labels")
    n_clusters = len(clusters)
    if n_clusters < 2:
        only = clusters[0].item() if isinstance(clusters[0], np.generic) else clusters[0]
        raise ValueError(
            f"The silhouette needs at least 2 clusters, but labels has only {n_clusters} "
            f"({only!r}): b (the distance to the nearest other cluster) does not exist."
        )
    if n_clusters > n_samples - 1:
        raise ValueError(
            f"The silhouette needs fewer clusters than samples (2 <= n_clusters <= "
            f"n_samples - 1), but there are {n_clusters} clusters for {n_samples} samples."
        )
    a, b = _silhouette_parts(X, codes, counts)
    largest = np.maximum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(largest > 0, (b - a) / largest, 0.0)
    s[counts[codes] == 1] = 0.0  # alone in its cluster: a is undefined, s is set to 0
    return s


def silhouette_score(X, labels):
    r"""Mean silhouette value over all samples.

    .. math:: S = \frac{1}{n} \sum_{i=1}^{n} s_i

    with :math:`s_i` from :func:`silhouette_samples`. Higher is better (at most 1).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    labels : array-like of shape (n_samples,)

    Returns
    -------
    float
        Equal to ``sklearn.metrics.silhouette_score(X, labels)``.

    Raises
    ------
    ValueError
        As :func:`silhouette_samples` (e.g. a single cluster).
    """
    return float(np.mean(silhouette_samples(X, labels)))


def _confusion(y_true, y_pred):
    """Validated inputs and the cluster-by-class confusion matrix.

    Returns
    -------
    clusters : ndarray of shape (n_clusters,)
        The distinct values of y_pred, sorted.
    classes : ndarray of shape (n_classes,)
        The distinct values of y_true, sorted.
    counts : ndarray of shape (n_clusters, n_classes)
        ``counts[i, j]`` = number of samples in cluster ``clusters[i]`` and class ``classes[j]``.
    pred_codes : ndarray of shape (n_samples,)
        Position of each sample's cluster in ``clusters``.
    """
    y_true = check_labels(y_true, "y_true")
    y_pred = check_labels(y_pred, "y_pred")
    if y_true.shape[0] != y_pred.shape[0]:
        raise ValueError(
            f"y_true has {y_true.shape[0]} labels and y_pred has {y_pred.shape[0]}; "
            "they must have the same length (one label per sample)."
        )
    classes, true_codes, _ = _unique(y_true, "y_true")
    clusters, pred_codes, _ = _unique(y_pred, "y_pred")
    counts = np.zeros((len(clusters), len(classes)), dtype=np.int64)
    np.add.at(counts, (pred_codes, true_codes), 1)
    return clusters, classes, counts, pred_codes


def _assigned_classes(counts):
    """For each cluster (row of counts), the column of the class it is matched with.

    The assignment solver (``linear_sum_assignment``) picks a one-to-one matching of clusters
    and classes with the largest total overlap. When there are more clusters than classes,
    the clusters left over get the class they overlap most.
    """
    rows, cols = linear_sum_assignment(counts, maximize=True)
    assigned = counts.argmax(axis=1)  # fallback for unmatched clusters: the majority class
    assigned[rows] = cols
    return assigned


def label_mapping(y_true, y_pred):
    r"""Match each cluster id to a true label by solving the assignment problem.

    Build the confusion matrix :math:`N_{jc}` = number of samples in cluster :math:`j` with
    true label :math:`c`, and choose the one-to-one matching :math:`\pi` of clusters to labels
    that maximises the number of agreeing samples :math:`\sum_j N_{j\,\pi(j)}`
    (``scipy.optimize.linear_sum_assignment(N, maximize=True)``).

    The numbers of clusters and labels may differ. With more clusters than labels, the
    clusters left unmatched map to the label they overlap most (so two clusters can share a
    label). Such shared labels inflate the accuracy: every extra cluster can only add
    agreeing samples, up to 1.0 with one cluster per sample. With fewer clusters than labels,
    some labels are not used.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels (numbers or text, e.g. "A", "B", "C").
    y_pred : array-like of shape (n_samples,)
        Cluster ids; their values do not matter, only which samples share one.

    Returns
    -------
    dict
        ``{cluster_id: true_label}`` for every cluster id in ``y_pred``, as plain Python values.

    Raises
    ------
    ValueError
        Mismatched lengths, empty input, NaN labels.

    Examples
    --------
    >>> label_mapping(["A", "A", "B", "B"], [1, 1, 0, 0])
    {0: 'B', 1: 'A'}
    """
    clusters, classes, counts, _ = _confusion(y_true, y_pred)
    assigned = _assigned_classes(counts)
    return dict(zip(clusters.tolist(), classes[assigned].tolist(), strict=True))


def align_labels(y_true, y_pred):
    """Translate cluster ids into true labels, using :func:`label_mapping`.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Cluster ids.

    Returns
    -------
    ndarray of shape (n_samples,)
        ``y_pred`` with every cluster id replaced by its matched true label (same dtype as
        ``np.asarray(y_true)``), ready to compare with ``y_true``.

    Raises
    ------
    ValueError
        Mismatched lengths, empty input, NaN labels.

    Examples
    --------
    >>> align_labels(["A", "A", "B", "B"], [1, 1, 0, 0]).tolist()
    ['A', 'A', 'B', 'B']
    """
    _, classes, counts, pred_codes = _confusion(y_true, y_pred)
    assigned = _assigned_classes(counts)  # class position for each cluster position
    return classes[assigned[pred_codes]]


def aligned_accuracy(y_true, y_pred):
    r"""Fraction of samples whose cluster, once aligned, matches the true label.

    .. math:: \mathrm{accuracy} = \frac{1}{n} \sum_{i=1}^{n} [\,\pi(\hat y_i) = y_i\,]

    with :math:`\pi` from :func:`label_mapping`. Plain accuracy on raw cluster ids is
    meaningless: the ids are arbitrary, so a perfect clustering can score 0.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_pred : array-like of shape (n_samples,)

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        Mismatched lengths, empty input, NaN labels.

    Examples
    --------
    >>> aligned_accuracy([0, 0, 1, 1], [1, 1, 0, 0])
    1.0
    """
    aligned = align_labels(y_true, y_pred)  # validates both inputs
    return float(np.mean(aligned == np.asarray(y_true)))


def split_half_stability(model, X_train, X_test, n_splits=5, seed=0):
    """Agreement of two fits on the two halves of the training part, measured on held-out points.

    For each of ``n_splits`` random splits of ``X_train`` into two halves, fit an unfitted copy
    of ``model`` (``sklearn.base.clone``) on each half, let both copies label ``X_test``, and
    compare the two labellings with the adjusted Rand index (ARI). No true labels are used:
    1 means the two fits group the held-out points identically (whatever numbers they give
    the clusters), about 0 means no more agreement than chance. Notebook 02 builds this
    function step by step.

    Parameters
    ----------
    model : scikit-learn estimator with ``fit`` and ``predict``
        E.g. ``KMeans(n_clusters=3, n_init=10, random_state=0)`` or a pipeline ending in one.
        It is not changed: every fit is made on a fresh copy.
    X_train : array-like of shape (n_samples, n_features)
        The points to split into halves and fit on (at least 2 rows).
    X_test : array-like of shape (n_test, n_features)
        The held-out points that both fits label.
    n_splits : int, default=5
        How many random splits to make.
    seed : int, default=0
        Seed of the random splits (``numpy.random.default_rng(seed)``).

    Returns
    -------
    ndarray of shape (n_splits,)
        One ARI per split, in the order the splits were drawn.

    Raises
    ------
    ValueError
        Bad data (see ``check_matrix``), fewer than 2 training points, or a bad ``n_splits``.

    Examples
    --------
    >>> from sklearn.cluster import KMeans
    >>> from sklearn.datasets import make_blobs
    >>> X, _ = make_blobs(n_samples=200, centers=3, cluster_std=0.5, random_state=0)
    >>> for k in (3, 5):
    ...     model = KMeans(n_clusters=k, n_init=10, random_state=0)
    ...     print(k, split_half_stability(model, X[:140], X[140:], n_splits=3).round(2).tolist())
    3 [1.0, 1.0, 1.0]
    5 [0.5, 0.53, 0.52]
    """
    X_train = check_matrix(X_train, "X_train")
    X_test = check_matrix(X_test, "X_test")
    n_splits = check_count(n_splits, "n_splits")
    if len(X_train) < 2:
        raise ValueError(
            f"X_train has {len(X_train)} row(s); splitting it into two halves needs at least 2."
        )
    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(n_splits):
        order = rng.permutation(len(X_train))
        half = len(order) // 2
        labels_1 = clone(model).fit(X_train[order[:half]]).predict(X_test)
        labels_2 = clone(model).fit(X_train[order[half:]]).predict(X_test)
        scores.append(adjusted_rand_score(labels_1, labels_2))
    return np.array(scores)
