"""Choosing the number of clusters k: sweep over k, and find the knee of the elbow curve.

- ``sweep_k`` fits scikit-learn's KMeans for each k and records the inertia (WCSS) and the
  silhouette score, ready for an elbow plot and a silhouette plot.
- ``find_knee`` picks the k where the decreasing inertia curve bends most (a simplified form of
  the Kneedle rule of Satopää et al., 2011), the same answer as
  ``kneed.KneeLocator(curve="convex", direction="decreasing")`` on ordinary elbow curves.
"""

from numbers import Integral

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans

from ._validation import check_matrix, check_n_clusters
from .metrics import silhouette_score

__all__ = ["sweep_k", "find_knee"]


def _check_k_values(k_values, n_samples=None):
    """Return k_values as a list of ints, each checked with check_n_clusters."""
    if k_values is None or isinstance(k_values, (str, bytes)) or np.ndim(k_values) != 1:
        raise TypeError(
            f"k_values must be a 1-D sequence of whole numbers such as range(1, 11); "
            f"got {k_values!r}."
        )
    values = list(k_values)
    if not values:
        raise ValueError("k_values is empty: give at least one number of clusters.")
    checked = []
    for k in values:
        if isinstance(k, np.generic):
            k = k.item()  # numpy integers -> int
        checked.append(check_n_clusters(k, n_samples, name="k"))
    if len(set(checked)) != len(checked):
        raise ValueError(f"k_values lists some k more than once: {checked}.")
    return checked


def sweep_k(X, k_values, *, random_state=0, n_init=10, progress=False):
    """Fit k-means for each k and record the inertia (WCSS) and the silhouette score.

    Uses ``sklearn.cluster.KMeans(n_clusters=k, n_init=n_init, random_state=random_state)``.
    ``n_init`` is given explicitly because its default changed in scikit-learn 1.4 (``"auto"``
    means a single k-means++ run).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (usually scaled) data.
    k_values : sequence of int
        The numbers of clusters to try, e.g. ``range(1, 11)``; each in ``1 .. n_samples``.
    random_state : int, RandomState instance or None, default=0
        Passed to every KMeans; an int makes the sweep reproducible (None or a shared
        RandomState gives different starts on every call).
    n_init : int, default=10
        Number of restarts of k-means for each k (the best one is kept).
    progress : bool, default=False
        If True, print one short line per k as it finishes (the silhouette costs
        :math:`O(n^2)` time, so a sweep over a large data set takes a while).

    Returns
    -------
    pandas.DataFrame
        One row per k, in the order given, with columns

        - ``"k"`` (int),
        - ``"inertia"`` (float): the WCSS of the best run,
        - ``"silhouette"`` (float): the silhouette score; NaN when it is undefined, i.e. for
          k = 1 (or whenever the fit has fewer than 2 or more than n_samples - 1 distinct
          clusters).

    Raises
    ------
    ValueError / TypeError
        Bad X (NaN, empty, text, ...), a k below 1 or above n_samples, repeated k, bad n_init.

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> X, _ = make_blobs(n_samples=60, centers=3, random_state=0)
    >>> sweep_k(X, [1, 2, 3], n_init=2).columns.tolist()
    ['k', 'inertia', 'silhouette']
    """
    X = check_matrix(X, "X")
    n_samples = X.shape[0]
    ks = _check_k_values(k_values, n_samples)
    if isinstance(n_init, bool) or not isinstance(n_init, Integral) or n_init < 1:
        raise ValueError(f"n_init must be a whole number >= 1 (restarts per k); got {n_init!r}.")
    rows = []
    for step, k in enumerate(ks, start=1):
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(X)
        n_found = len(np.unique(model.labels_))
        if 2 <= n_found <= n_samples - 1:
            silhouette = silhouette_score(X, model.labels_)
        else:
            silhouette = np.nan  # undefined for a single cluster (or one point per cluster)
        rows.append({"k": k, "inertia": float(model.inertia_), "silhouette": silhouette})
        if progress:
            print(
                f"[{step}/{len(ks)}] k={k}: inertia={model.inertia_:.4g}, "
                f"silhouette={silhouette:.3f}"
            )
    return pd.DataFrame(rows, columns=["k", "inertia", "silhouette"]).astype(
        {"k": int, "inertia": float, "silhouette": float}
    )


def _check_curve(k_values, inertias):
    """Validate the inputs of find_knee and return them as float arrays."""
    arrays = []
    for name, values in (("k_values", k_values), ("inertias", inertias)):
        if values is None or isinstance(values, (str, bytes)):
            raise TypeError(f"{name} must be a 1-D sequence of numbers; got {values!r}.")
        arr = np.asarray(values)
        if arr.ndim != 1:
            raise ValueError(f"{name} must be 1-D; got shape {arr.shape}.")
        if arr.dtype.kind not in "iuf" or arr.dtype.kind == "b":
            raise TypeError(f"{name} must hold numbers; got dtype {arr.dtype}.")
        arr = arr.astype(float)
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} contains NaN or infinity.")
        arrays.append(arr)
    k, y = arrays
    if k.shape[0] != y.shape[0]:
        raise ValueError(
            f"k_values has {k.shape[0]} entries and inertias has {y.shape[0]}; "
            "they must have the same length (one inertia per k)."
        )
    if k.shape[0] < 3:
        raise ValueError(
            f"A knee needs at least 3 points (the two ends and one in between); got {k.shape[0]}."
        )
    if np.any(k != np.round(k)):
        raise ValueError(f"k_values must be whole numbers; got {k.tolist()}.")
    if np.any(np.diff(k) <= 0):
        raise ValueError(f"k_values must be strictly increasing; got {k.astype(int).tolist()}.")
    if not y[-1] < y[0]:
        raise ValueError(
            "find_knee expects a decreasing curve (inertia falls as k grows), but the last "
            f"inertia ({y[-1]:.4g}) is not below the first ({y[0]:.4g})."
        )
    return k, y


def find_knee(k_values, inertias):
    r"""The knee (elbow) of a decreasing, convex curve, by a simplified Kneedle rule.

    1. Normalise both axes to [0, 1]:
       :math:`\tilde k = \frac{k - k_{\min}}{k_{\max} - k_{\min}}`,
       :math:`\tilde y = \frac{y - y_{\min}}{y_{\max} - y_{\min}}`.
    2. Difference curve: :math:`d = (1 - \tilde y) - \tilde k`, how far the flipped curve
       rises above the straight line from its first to its last point.
    3. The knee is the k where :math:`d` is largest.

    :math:`d` is the vertical gap below the chord from :math:`(k_{\min}, y_{\max})` to
    :math:`(k_{\max}, y_{\min})` (the curve's two ends, when its first point is its highest
    and its last its lowest), divided by :math:`y_{\max} - y_{\min}`. Rescaling multiplies
    every gap by the same constant, so it never changes which k wins; the range of k does,
    because the chord joins the ends of the range you try. (The rescaling matters in Kneedle
    only for its confirmation threshold, which this function leaves out.)

    On ordinary elbow curves this gives the same k as
    ``kneed.KneeLocator(k_values, inertias, curve="convex", direction="decreasing").knee``.
    Differences from kneed: kneed also asks the difference curve to drop by a sensitivity
    threshold after the maximum and returns None otherwise, and with several local maxima it
    returns the first one; this function always returns the global maximum (the smallest k
    among ties), unless the curve never bends below its chord.

    Parameters
    ----------
    k_values : sequence of int, shape (n_points,)
        Strictly increasing numbers of clusters (not necessarily consecutive); at least 3.
    inertias : sequence of float, shape (n_points,)
        The inertia (WCSS) for each k. It must fall overall (last value below the first);
        small bumps upwards in between are allowed.

    Returns
    -------
    int
        The k at the knee.

    Raises
    ------
    ValueError
        Fewer than 3 points, mismatched lengths, NaN/inf, k not increasing, a curve that does
        not decrease overall, or one with no knee (straight, or bending the wrong way, i.e.
        never below the line joining its ends).
    TypeError
        Non-numeric input.

    Examples
    --------
    >>> find_knee([1, 2, 3, 4, 5, 6], [100, 40, 12, 10, 8, 7])
    3
    """
    k, y = _check_curve(k_values, inertias)
    # 1. normalise both axes to [0, 1]
    k_norm = (k - k.min()) / (k.max() - k.min())
    y_norm = (y - y.min()) / (y.max() - y.min())
    # 2. difference curve: flip y so that the curve rises, then subtract the diagonal
    difference = (1.0 - y_norm) - k_norm
    # 3. the knee is where the difference is largest
    best = int(np.argmax(difference))
    if difference[best] <= 1e-12:
        raise ValueError(
            "This curve has no knee: it never bends below the straight line joining its first "
            "and last points (it is straight, or concave). Look at the plot instead."
        )
    return int(k[best])
