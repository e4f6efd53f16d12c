"""Feedback for the exercises: call a learner's function on fixed cases, say what is wrong.

Each ``check_*`` function

- calls your function on a few small, fixed cases (on copies of the inputs),
- compares the result with a reference computed by tutorial_lib or scikit-learn,
- prints ``Correct! ...`` or a hint about the most likely mistake, and returns True or False.

A wrong answer never raises. If your function itself raises an error, the check first says
which case it was working on, then lets the error through so that you see the traceback.

Example
-------
>>> def accuracy(y_true, y_pred):
...     return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
>>> check_accuracy(accuracy)
Correct! Your accuracy gives the right fraction on all 3 cases.
True
"""

import copy
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.metrics import accuracy_score, pairwise_distances_argmin
from sklearn.preprocessing import StandardScaler

from .metrics import _cluster_means, _confusion, align_labels, silhouette_samples, wcss
from .selection import find_knee

__all__ = [
    "check_wcss",
    "check_assign_labels",
    "check_update_centers",
    "check_standardize",
    "check_knee",
    "check_align_labels",
    "check_accuracy",
    "check_silhouette",
    "check_workers_for_memory",
    "check_scaling_path",
]

_RTOL, _ATOL = 1e-6, 1e-9  # how close a float answer must be to the reference


class _Case(NamedTuple):
    """One fixed test case: a short description and the arguments, in call order."""

    name: str
    args: dict


# --------------------------------------------------------------------------------------------
# The machinery shared by every check
# --------------------------------------------------------------------------------------------


def _describe(args):
    """'X: array of shape (6, 2), n_clusters: 2' -- what the learner's function was given."""
    parts = []
    for name, value in args.items():
        if isinstance(value, np.ndarray):
            parts.append(f"{name}: array of shape {value.shape}, dtype {value.dtype}")
        else:
            parts.append(f"{name}: {value!r}")
    return "; ".join(parts)


def _same(a, b):
    """True if an input is unchanged after the call."""
    if isinstance(a, np.ndarray):
        return (
            isinstance(b, np.ndarray)
            and a.shape == b.shape
            and (np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))
        )
    return a == b


def _close(a, b):
    """Float comparison with the checks' tolerance (arrays must have the same shape)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=_RTOL, atol=_ATOL))


def _plain(value):
    """A numpy scalar as the Python value it holds (so that it prints as 1, not np.int64(1))."""
    return value.item() if isinstance(value, np.generic) else value


def _as_number(result):
    """The result as a float, or None if it is not a single real number."""
    if isinstance(result, (bool, np.bool_)):
        return None
    arr = np.asarray(result)
    if arr.ndim != 0 or arr.dtype.kind not in "iuf":
        return None
    return float(arr)


def _run_check(func, cases, diagnose, success):
    """Call func on every case; print the first problem found or the success message.

    ``diagnose(result, **case.args)`` returns None when the result is right, else a hint.
    """
    if not callable(func):
        raise TypeError(
            f"Pass your function itself, without calling it: e.g. check(my_function), not "
            f"check(my_function(...)). Got {type(func).__name__}."
        )
    for number, case in enumerate(cases, start=1):
        where = f"case {number} of {len(cases)} ({case.name})"
        given = copy.deepcopy(case.args)  # the learner's function may change its inputs
        try:
            result = func(*given.values())
        except Exception as exc:
            print(
                f"Your function raised {type(exc).__name__} on {where}.\n"
                f"It was given {_describe(case.args)}.\n"
                "The error and the line where it happened follow."
            )
            raise
        if result is None:
            print(
                f"Not implemented yet: your function returned None on {where}. Replace the "
                "placeholder with your code, and make sure the function ends with a "
                "`return` statement."
            )
            return False
        try:
            with np.errstate(all="ignore"):
                hint = diagnose(result, **case.args)
        except Exception as exc:  # a strange result must not crash the check
            hint = (
                f"the check could not make sense of what your function returned "
                f"({type(result).__name__}: {exc})."
            )
        changed = [name for name in case.args if not _same(case.args[name], given[name])]
        if hint is None and changed:
            hint = (
                f"the result is right, but your function changed its input "
                f"{', '.join(changed)} in place. Work on a copy (e.g. X = X.copy(), or "
                "Z = X - mean instead of X -= mean) so the caller's data stay as they were."
            )
        if hint is not None:
            print(f"Not quite, on {where}: {hint}")
            return False
    print(f"Correct! {success} on all {len(cases)} cases.")
    return True


# --------------------------------------------------------------------------------------------
# check_wcss
# --------------------------------------------------------------------------------------------


def _wcss_cases():
    X1 = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 4.0], [8.0, 8.0], [9.0, 10.0], [13.0, 9.0]])
    labels1 = np.array([0, 0, 0, 1, 1, 1])
    X2 = np.array(
        [
            [0.0, 1.0, 2.0],
            [5.0, 5.0, 4.0],
            [-3.0, 0.5, 1.0],
            [6.0, 4.0, 5.5],
            [1.0, 2.0, 1.0],
            [-2.0, -1.0, 0.0],
            [-4.0, 1.5, 2.0],
        ]
    )
    labels2 = np.array([2, 0, 1, 0, 2, 1, 1])
    centers2 = np.array([[5.0, 4.0, 5.0], [-3.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    return [
        _Case(
            "two clusters, centres at their means",
            {"X": X1, "labels": labels1, "centers": _cluster_means(X1, labels1, 2)},
        ),
        _Case(
            "three clusters in 3-D, labels in mixed order, centres not at the means",
            {"X": X2, "labels": labels2, "centers": centers2},
        ),
    ]


def _diagnose_wcss(result, X, labels, centers):
    expected = wcss(X, labels, centers)
    arr = np.asarray(result)
    if arr.ndim > 0:
        if arr.ndim == 1 and arr.dtype.kind in "iuf" and np.isclose(arr.sum(), expected):
            per = "point" if arr.shape[0] == X.shape[0] else "cluster"
            return (
                f"you returned {arr.shape[0]} values, one per {per}. WCSS is a single number: "
                "add them up (np.sum)."
            )
        return f"return one number (a float), not an array of shape {arr.shape}."
    value = _as_number(result)
    if value is None:
        return f"return one number (a float); your function returned {result!r}."
    if _close(value, expected):
        return None
    distances = np.linalg.norm(X - centers[labels], axis=1)
    means = _cluster_means(X, labels, centers.shape[0])
    alternatives = [
        (
            np.sqrt(expected),
            "your WCSS is the square root of the expected value: did you forget to square the "
            "distances? (np.linalg.norm of all the differences is the root of the sum of "
            "squares.)",
        ),
        (
            distances.sum(),
            "you added up the distances themselves; WCSS adds up the *squared* distances.",
        ),
        (
            expected / X.shape[0],
            "you divided by the number of points (that is the mean squared distance); WCSS is "
            "the plain sum.",
        ),
        (
            wcss(X, labels, means),
            "you measured distances to each cluster's mean, not to the centers that were "
            "passed in; use centers[labels[i]] for point i.",
        ),
        (
            cdist(X, centers, "sqeuclidean").sum(),
            "you added the squared distances from every point to every centre; only the "
            "distance from a point to its own centre, centers[labels[i]], counts.",
        ),
        (
            np.sum((X - X.mean(axis=0)) ** 2),
            "you measured distances to the mean of all of X; use each point's own centre, "
            "centers[labels[i]].",
        ),
    ]
    for value_if_wrong, hint in alternatives:
        if _close(value, value_if_wrong):
            return hint
    return (
        f"expected {expected:.6g}, got {value:.6g}. WCSS adds, over all points i, the squared "
        "distance ||X[i] - centers[labels[i]]||^2."
    )


def check_wcss(func):
    """Check a learner's WCSS function.

    Parameters
    ----------
    func : callable
        ``func(X, labels, centers) -> float`` with X of shape (n_samples, n_features),
        labels of shape (n_samples,) (ints in 0..k-1) and centers of shape (k, n_features);
        returns the sum over points of the squared distance to their own centre.

    Returns
    -------
    bool
        True if func agrees with :func:`tutorial_lib.wcss` on every case; a hint is printed
        otherwise.
    """
    return _run_check(func, _wcss_cases(), _diagnose_wcss, "Your WCSS matches the reference")


# --------------------------------------------------------------------------------------------
# check_assign_labels
# --------------------------------------------------------------------------------------------


def _assign_cases():
    X1 = np.array(
        [[0.0, 0.5], [1.0, -0.5], [6.0, 5.0], [5.0, 6.5], [-4.0, 6.0], [-5.0, 5.0], [2.0, 0.0]]
    )
    # the last point is nearer to centre 1 in straight-line distance (1.70 against 2.00),
    # but nearer to centre 0 in city-block distance (2.0 against 2.4)
    centers1 = np.array([[0.0, 0.0], [3.2, 1.2], [-4.5, 5.5], [5.5, 5.5]])
    X2 = np.array(
        [
            [0.0, 0.0, 0.0],
            [9.0, 1.0, 0.0],
            [1.0, 8.0, 1.0],
            [5.0, 5.0, 5.0],
            [8.0, 8.0, 0.0],
            [0.5, 1.0, 7.0],
            [2.0, 2.0, 2.0],
            [7.0, 0.0, 6.0],
        ]
    )
    centers2 = np.array([[1.0, 1.0, 1.0], [8.0, 1.0, 1.0], [1.0, 8.0, 2.0]])
    return [
        _Case("seven points, four centres in 2-D", {"X": X1, "centers": centers1}),
        _Case("eight points, three centres in 3-D", {"X": X2, "centers": centers2}),
    ]


def _diagnose_assign(result, X, centers):
    n, k = X.shape[0], centers.shape[0]
    expected = pairwise_distances_argmin(X, centers)
    arr = np.asarray(result)
    if arr.shape == (n, k):
        return (
            f"you returned an array of shape ({n}, {k}), like the distance matrix. Return one "
            "label per point: the index of the smallest distance in each row, "
            "np.argmin(distances, axis=1)."
        )
    if arr.shape == (k,):
        return (
            f"labels have the wrong shape: expected ({n},), one label per point, got ({k},), "
            "one per centre. Did you take argmin along axis=0? Use axis=1 (along each row)."
        )
    if arr.shape != (n,):
        return f"labels have the wrong shape: expected ({n},), one per point, got {arr.shape}."
    if arr.dtype.kind not in "iuf" or arr.dtype.kind == "b" or np.any(arr != np.round(arr)):
        return f"labels must be whole numbers (indices of centres); got {arr.tolist()}."
    if np.array_equal(arr, expected):
        return None
    if np.array_equal(arr, cdist(X, centers).argmax(axis=1)):
        return "you gave each point its farthest centre: use argmin, not argmax."
    if np.array_equal(arr, cdist(X, centers, "cityblock").argmin(axis=1)):
        return (
            "you used the city-block (Manhattan) distance |dx| + |dy|. k-means uses the "
            "straight-line (Euclidean) distance sqrt(dx^2 + dy^2), or its square."
        )
    if np.any((arr < 0) | (arr >= k)):
        return f"labels must be centre indices 0..{k - 1}; got {arr.tolist()}."
    wrong = np.flatnonzero(arr != expected)
    i = wrong[0]
    return (
        f"{len(wrong)} of {n} points got the wrong centre. For example point {i}, "
        f"{X[i].tolist()}, is nearest to centre {expected[i]}, {centers[expected[i]].tolist()}, "
        f"but your label is {arr[i]}."
    )


def check_assign_labels(func):
    """Check a learner's assignment step (each point to its nearest centre).

    Parameters
    ----------
    func : callable
        ``func(X, centers) -> labels`` with X of shape (n_samples, n_features) and centers of
        shape (k, n_features); returns an int array of shape (n_samples,), the index of the
        nearest centre (Euclidean distance) of each point.

    Returns
    -------
    bool
        True if func agrees with ``sklearn.metrics.pairwise_distances_argmin`` on every case.
    """
    return _run_check(
        func, _assign_cases(), _diagnose_assign, "Every point goes to its nearest centre"
    )


# --------------------------------------------------------------------------------------------
# check_update_centers
# --------------------------------------------------------------------------------------------


def _update_cases():
    X1 = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 3.0], [10.0, 10.0], [11.0, 12.0], [15.0, 11.0]])
    X2 = np.array(
        [
            [4.0, 4.0],
            [0.0, 1.0],
            [-5.0, 0.0],
            [-6.0, 1.0],
            [1.0, 0.0],
            [5.0, 6.0],
            [3.0, 3.0],
            [9.0, 5.0],
            [-4.0, -3.0],
        ]
    )
    return [
        _Case(
            "two clusters, labels sorted",
            {"X": X1, "labels": np.array([0, 0, 0, 1, 1, 1]), "n_clusters": 2},
        ),
        _Case(
            "three clusters, labels in mixed order (the first point is in cluster 2)",
            {"X": X2, "labels": np.array([2, 0, 1, 1, 0, 2, 0, 2, 1]), "n_clusters": 3},
        ),
    ]


def _diagnose_update(result, X, labels, n_clusters):
    k, d = n_clusters, X.shape[1]
    expected = _cluster_means(X, labels, k)
    arr = np.asarray(result, dtype=float)
    transposed = (
        f"your centres are transposed: expected shape ({k}, {d}), one row per cluster and one "
        "column per feature. Take the mean over the points, axis=0."
    )
    if arr.shape == (d, k) and d != k:
        return transposed
    if arr.shape != (k, d):
        return (
            f"the centres have the wrong shape: expected ({k}, {d}) (one row per cluster, one "
            f"column per feature), got {arr.shape}."
        )
    if _close(arr, expected):
        return None
    if _close(arr.T, expected):
        return transposed
    if np.isnan(arr).any():
        return (
            "your centres contain NaN, the mean of an empty selection. Check that "
            "X[labels == j] selects the points of cluster j."
        )
    medians = np.array([np.median(X[labels == j], axis=0) for j in range(k)])
    sums = np.array([X[labels == j].sum(axis=0) for j in range(k)])
    if _close(arr, medians):
        return "you took the median of each cluster; k-means uses the mean."
    if _close(arr, sums):
        return (
            "you added up the points of each cluster; divide by the number of points in it "
            "(or use .mean(axis=0))."
        )
    if _close(arr, np.tile(X.mean(axis=0), (k, 1))):
        return (
            "every centre is the mean of all of X; select each cluster's points first, "
            "X[labels == j]."
        )
    if sorted(map(tuple, np.round(arr, 6))) == sorted(map(tuple, np.round(expected, 6))):
        return (
            "your centres are right but in the wrong order: row j must be the mean of the "
            "points with label j, for j = 0, 1, ..., n_clusters - 1."
        )
    j = int(np.flatnonzero(~np.isclose(arr, expected, rtol=_RTOL, atol=_ATOL).all(axis=1))[0])
    return (
        f"centre {j} should be the mean of the points with label {j}, "
        f"{np.round(expected[j], 4).tolist()}, but yours is {np.round(arr[j], 4).tolist()}."
    )


def check_update_centers(func):
    """Check a learner's update step (each centre moves to the mean of its points).

    Parameters
    ----------
    func : callable
        ``func(X, labels, n_clusters) -> centers`` with X of shape (n_samples, n_features)
        and labels of shape (n_samples,) in 0..n_clusters-1 (no empty cluster); returns
        centers of shape (n_clusters, n_features), row j the mean of the points with label j.

    Returns
    -------
    bool
        True if func agrees with the cluster means on every case.
    """
    return _run_check(
        func, _update_cases(), _diagnose_update, "Each centre is the mean of its points"
    )


# --------------------------------------------------------------------------------------------
# check_standardize
# --------------------------------------------------------------------------------------------


def _standardize_cases():
    # income in euros and age in years: very different scales; the test set is older and richer
    train1 = np.array(
        [[32000.0, 25.0], [45000.0, 41.0], [28000.0, 33.0], [61000.0, 52.0], [39000.0, 29.0]]
    )
    test1 = np.array([[52000.0, 60.0], [71000.0, 47.0], [48000.0, 66.0]])
    train2 = np.array(
        [
            [1.0, 200.0, 0.01],
            [3.0, 180.0, 0.03],
            [2.0, 260.0, 0.02],
            [6.0, 240.0, 0.05],
            [4.0, 190.0, 0.02],
            [5.0, 230.0, 0.04],
        ]
    )
    test2 = np.array([[8.0, 150.0, 0.06], [7.0, 300.0, 0.01]])
    return [
        _Case(
            "income and age, test set shifted",
            {"X_train": train1, "X_test": test1},
        ),
        _Case("three features, two test rows", {"X_train": train2, "X_test": test2}),
    ]


def _diagnose_standardize(result, X_train, X_test):
    scaler = StandardScaler().fit(X_train)
    want_train, want_test = scaler.transform(X_train), scaler.transform(X_test)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return (
            "return two arrays, the scaled training and test sets: `return Z_train, Z_test`; "
            f"your function returned {type(result).__name__}"
            + (f" of shape {np.shape(result)}." if hasattr(result, "shape") else ".")
        )
    z_train, z_test = (np.asarray(z, dtype=float) for z in result)
    if z_train.shape == X_test.shape and z_test.shape == X_train.shape:
        return "you returned (Z_test, Z_train); return the training set first: (Z_train, Z_test)."
    for name, z, X in (("Z_train", z_train, X_train), ("Z_test", z_test, X_test)):
        if z.shape != X.shape:
            return f"{name} should have the shape of its input, {X.shape}; got {z.shape}."
    train_ok, test_ok = _close(z_train, want_train), _close(z_test, want_test)
    if train_ok and test_ok:
        return None

    def scaled(mean, std):  # both sets scaled with the given statistics
        return _close(z_train, (X_train - mean) / std) and _close(z_test, (X_test - mean) / std)

    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    if scaled(0.0, 1.0):
        return (
            "you returned the data unscaled. Subtract the mean of each column of X_train and "
            "divide by its standard deviation, for both arrays."
        )
    if train_ok and _close(z_test, StandardScaler().fit_transform(X_test)):
        return (
            "you used the test set's mean (and standard deviation) to scale X_test. Use the "
            "training set's for both: the test set stands for new data, which the scaler must "
            "not learn from."
        )
    both = np.vstack([X_train, X_test])
    if scaled(both.mean(axis=0), both.std(axis=0)):
        return (
            "you computed the mean and standard deviation on the training and test sets "
            "together: that leaks the test set into the preprocessing. Use X_train only."
        )
    if scaled(mean, X_train.std(axis=0, ddof=1)):
        return (
            "you divided by the sample standard deviation (ddof=1); StandardScaler uses the "
            "population one, ddof=0 (np.std's default)."
        )
    if scaled(mean, 1.0):
        return "you subtracted the mean but did not divide by the standard deviation."
    if scaled(0.0, std):
        return "you divided by the standard deviation but did not subtract the mean."
    if scaled(X_train.mean(), X_train.std()):
        return (
            "you used one mean and one standard deviation for the whole array; compute one "
            "per column (feature), with axis=0."
        )
    if not train_ok:
        return (
            "Z_train should be (X_train - mean) / std, with the mean and standard deviation of "
            "each column of X_train."
        )
    return "Z_test should be (X_test - mean) / std, with the mean and std of X_train's columns."


def check_standardize(func):
    """Check a learner's standardisation (z-scores with the training set's statistics).

    Parameters
    ----------
    func : callable
        ``func(X_train, X_test) -> (Z_train, Z_test)``, both arrays of shape
        (n_samples, n_features): each column minus the TRAINING column mean, divided by the
        TRAINING column standard deviation (ddof=0), as ``StandardScaler().fit(X_train)``.

    Returns
    -------
    bool
        True if func agrees with ``sklearn.preprocessing.StandardScaler`` on every case.
    """
    return _run_check(
        func,
        _standardize_cases(),
        _diagnose_standardize,
        "Both sets are scaled with the training set's mean and standard deviation",
    )


# --------------------------------------------------------------------------------------------
# check_knee
# --------------------------------------------------------------------------------------------


def _knee_cases():
    k1 = np.arange(1, 11)
    k2 = np.arange(2, 21, 2)  # every other k: the position in the list is not k
    k3 = np.arange(1, 9)
    return [
        _Case(
            "k = 1..10, a sharp elbow",
            {"k_values": k1, "inertias": 900.0 * np.exp(-1.1 * (k1 - 1)) + 100.0 - 5.0 * k1},
        ),
        _Case("k = 2, 4, ..., 20, a smooth curve", {"k_values": k2, "inertias": 2000.0 / k2}),
        _Case(
            "k = 1..8, a late elbow",
            {"k_values": k3, "inertias": np.maximum(500.0 - 110.0 * k3, 60.0 - 4.0 * k3)},
        ),
    ]


def _diagnose_knee(result, k_values, inertias):
    expected = find_knee(k_values, inertias)
    value = _as_number(result)
    if value is None:
        return f"return one k value (a whole number); your function returned {result!r}."
    if value == expected:
        return None
    k = k_values.astype(float)
    y = inertias.astype(float)
    position = int(np.flatnonzero(k_values == expected)[0])
    if value in (position, position + 1):
        return (
            f"you returned the position of the knee in the list ({value:g}), not the k value "
            f"there: return k_values[position]."
        )
    if np.isclose(value, y[position]):
        return "you returned the inertia at the knee; return the k value there."
    if value == k[np.argmax((y.max() - y) - k)]:
        return (
            "normalise both axes to [0, 1] before taking the difference curve; otherwise the "
            "large inertia values swamp the k values, and the answer drifts towards the k with "
            "the smallest inertia."
        )
    if value == k[np.argmin(y)]:
        return (
            "that is the k with the smallest inertia. Inertia keeps falling as k grows; the "
            "knee is where the curve bends most, the largest value of the difference curve."
        )
    if value == k[0]:
        return (
            "that is the first k. The knee comes later, where the curve bends most. (With k "
            "and the inertias rescaled to [0, 1], the gap below the chord is "
            "1 - k_scaled - inertia_scaled; inertia_scaled - k_scaled peaks at the first k.)"
        )
    return (
        f"expected k = {expected}, got {value:g}. Rescale k and the inertias to [0, 1], take "
        "the gap below the chord, 1 - k_scaled - inertia_scaled, and return the k where it is "
        "largest."
    )


def check_knee(func):
    """Check a learner's knee (elbow) finder.

    Parameters
    ----------
    func : callable
        ``func(k_values, inertias) -> k`` with two 1-D arrays of the same length (k_values
        increasing, inertias decreasing); returns the k at the knee by the Kneedle rule.

    Returns
    -------
    bool
        True if func agrees with :func:`tutorial_lib.find_knee` on every case.
    """
    return _run_check(func, _knee_cases(), _diagnose_knee, "Your knee matches the Kneedle rule")


# --------------------------------------------------------------------------------------------
# check_align_labels
# --------------------------------------------------------------------------------------------


def _align_cases():
    # cluster 1 is mostly "A", cluster 2 mostly "B", cluster 0 mostly "C": a 3-cycle
    true1 = np.array(["A"] * 4 + ["B"] * 4 + ["C"] * 4)
    pred1 = np.array([1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 0])
    # confusion matrix (rows: clusters 5, 7, 9; columns: classes 0, 1, 2)
    #   [[5, 4, 0], [4, 0, 1], [0, 5, 7]]: the majority class of clusters 5 and 7 is the same
    counts = [[5, 4, 0], [4, 0, 1], [0, 5, 7]]
    true2, pred2 = [], []
    for cluster, row in zip((5, 7, 9), counts, strict=True):
        for label, count in enumerate(row):
            true2 += [label] * count
            pred2 += [cluster] * count
    return [
        _Case(
            "three text labels, cluster ids in another order",
            {"y_true": true1, "y_pred": pred1},
        ),
        _Case(
            "cluster ids 5, 7, 9; two clusters share a majority label",
            {"y_true": np.array(true2), "y_pred": np.array(pred2)},
        ),
    ]


def _diagnose_align(result, y_true, y_pred):
    expected = align_labels(y_true, y_pred)
    n = y_true.shape[0]
    if isinstance(result, dict):
        return (
            "you returned the mapping {cluster: label}. Return y_pred translated with it, one "
            "label per sample: np.array([mapping[c] for c in y_pred])."
        )
    arr = np.asarray(result)
    if arr.shape != (n,):
        return (
            f"the result has the wrong shape: expected ({n},), one label per sample, "
            f"got {arr.shape}."
        )

    def same(a, b):
        return bool(np.all(np.asarray(a, dtype=object) == np.asarray(b, dtype=object)))

    if same(arr, expected):
        return None
    clusters, classes, counts, pred_codes = _confusion(y_true, y_pred)
    if same(arr, y_pred):
        return "you returned the cluster ids unchanged; translate each one into a true label."
    if same(arr, y_true):
        return "you returned y_true itself; translate y_pred's cluster ids instead."
    if same(arr, np.searchsorted(classes, expected)) and not same(classes, np.arange(len(classes))):
        return (
            f"you returned positions (0, 1, ...) instead of the labels themselves "
            f"({', '.join(map(repr, classes.tolist()))}): index the sorted labels, "
            "np.unique(y_true), with them."
        )
    if same(arr, classes[counts.argmax(axis=1)][pred_codes]):
        return (
            "two clusters were given the same label: each cluster should get its own. Use "
            "the Hungarian algorithm, scipy.optimize.linear_sum_assignment(confusion, "
            "maximize=True), instead of each cluster's majority label."
        )
    rows, cols = linear_sum_assignment(counts)  # minimising the overlap: a classic slip
    least = np.empty(len(clusters), dtype=int)
    least[rows] = cols
    if same(arr, classes[least][pred_codes]):
        return (
            "you matched clusters and labels with the *smallest* overlap: "
            "linear_sum_assignment minimises by default; pass maximize=True (or use -confusion)."
        )
    rows, cols = linear_sum_assignment(counts, maximize=True)
    if len(clusters) == len(classes):
        swapped = np.empty(len(clusters), dtype=int)
        swapped[cols] = rows  # the pairs read the wrong way round
        if same(arr, classes[swapped][pred_codes]):
            return (
                "you read the matching the wrong way round: linear_sum_assignment returns "
                "(row, column) pairs; if the rows of your confusion matrix are clusters, "
                "cluster row[i] gets label column[i]."
            )
    wrong = np.flatnonzero(np.asarray(arr, dtype=object) != np.asarray(expected, dtype=object))
    i = wrong[0]
    return (
        f"{len(wrong)} of {n} labels differ from the best matching; e.g. sample {i} is in "
        f"cluster {_plain(y_pred[i])!r}, which should become {_plain(expected[i])!r}, but yours "
        f"is {_plain(arr[i])!r}."
    )


def check_align_labels(func):
    """Check a learner's alignment of cluster ids with true labels (Hungarian algorithm).

    Parameters
    ----------
    func : callable
        ``func(y_true, y_pred) -> aligned`` with two 1-D arrays of the same length (true
        labels, cluster ids; as many clusters as labels); returns an array of shape
        (n_samples,): y_pred with every cluster id replaced by its matched true label.

    Returns
    -------
    bool
        True if func agrees with :func:`tutorial_lib.align_labels` on every case.
    """
    return _run_check(
        func, _align_cases(), _diagnose_align, "Your clusters get the best matching labels"
    )


# --------------------------------------------------------------------------------------------
# check_accuracy
# --------------------------------------------------------------------------------------------


def _accuracy_cases():
    return [
        _Case(
            "whole-number labels, 6 of 8 right",
            {
                "y_true": np.array([0, 0, 1, 1, 2, 2, 2, 1]),
                "y_pred": np.array([0, 1, 1, 1, 2, 0, 2, 1]),
            },
        ),
        _Case(
            "text labels, 7 of 10 right",
            {
                "y_true": np.array(list("AABBBCCCAB")),
                "y_pred": np.array(list("AABCBCACBB")),
            },
        ),
        _Case(
            "all right",
            {"y_true": np.array([3, 1, 2, 3, 1]), "y_pred": np.array([3, 1, 2, 3, 1])},
        ),
    ]


def _diagnose_accuracy(result, y_true, y_pred):
    expected = accuracy_score(y_true, y_pred)
    n = y_true.shape[0]
    arr = np.asarray(result)
    if arr.ndim > 0:
        if arr.shape == (n,) and arr.dtype.kind == "b":
            return (
                "you returned the element-by-element comparison (True/False per sample); take "
                "its mean, np.mean(...), to get the fraction of True."
            )
        return f"return one number between 0 and 1, not an array of shape {arr.shape}."
    value = _as_number(result)
    if value is None:
        return f"return one number between 0 and 1; your function returned {result!r}."
    if _close(value, expected):
        return None
    if _close(value, expected * n):
        return "you returned the number of matches; divide by the number of samples."
    if _close(value, 100 * expected):
        return "you returned a percentage; return a fraction between 0 and 1."
    if _close(value, 1 - expected):
        return "you returned the fraction of mismatches (the error rate); count the matches."
    if _close(value, (1 - expected) * n):
        return "you returned the number of mismatches; accuracy is the fraction of matches."
    return f"expected {expected:.4g}, got {value:.4g}: the fraction of positions where they agree."


def check_accuracy(func):
    """Check a learner's accuracy function (labels already in the same label values).

    Parameters
    ----------
    func : callable
        ``func(y_true, y_pred) -> float`` with two 1-D arrays of the same length; returns
        the fraction of positions where they hold the same value (between 0 and 1).

    Returns
    -------
    bool
        True if func agrees with ``sklearn.metrics.accuracy_score`` on every case.
    """
    return _run_check(
        func, _accuracy_cases(), _diagnose_accuracy, "Your accuracy gives the right fraction"
    )


# --------------------------------------------------------------------------------------------
# check_silhouette
# --------------------------------------------------------------------------------------------


def _silhouette_cases():
    # two tight groups far apart: every silhouette is close to 1
    X1 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [6.0, 6.0], [6.0, 7.0], [7.0, 6.0]])
    labels1 = np.array([0, 0, 0, 1, 1, 1])
    # three groups, one point given to the wrong group, and a group of one point
    X2 = np.array(
        [
            [0.0, 0.0],
            [1.0, 0.0],
            [0.0, 1.0],
            [4.0, 4.0],
            [5.0, 4.0],
            [4.0, 5.0],
            [0.5, 0.5],
            [10.0, 0.0],
        ]
    )
    labels2 = np.array([0, 0, 0, 1, 1, 1, 1, 2])
    return [
        _Case("two well separated groups", {"X": X1, "labels": labels1}),
        _Case("a misplaced point and a group of one", {"X": X2, "labels": labels2}),
    ]


def _silhouette_parts(X, labels, metric="euclidean"):
    """a (mean distance to the own group, itself excluded) and b (nearest other group)."""
    distances = cdist(X, X, metric=metric)
    groups = np.unique(labels)
    mean_to = np.stack([distances[:, labels == g].mean(axis=1) for g in groups], axis=1)
    own = np.searchsorted(groups, labels)
    sizes = np.bincount(own)[own]
    with np.errstate(invalid="ignore", divide="ignore"):
        a = mean_to[np.arange(len(X)), own] * sizes / (sizes - 1)
        a_with_self = mean_to[np.arange(len(X)), own]
    others = mean_to.copy()
    others[np.arange(len(X)), own] = np.inf
    b = others.min(axis=1)
    return a, a_with_self, b, sizes


def _diagnose_silhouette(result, X, labels):
    expected = silhouette_samples(X, labels)
    n = X.shape[0]
    value = _as_number(result)
    if value is not None:
        return (
            "you returned one number. Return one silhouette value per sample, an array of "
            f"shape ({n},); their mean is the silhouette score."
        )
    arr = np.asarray(result, dtype=float)
    if arr.shape != (n,):
        return (
            f"the result has the wrong shape: expected ({n},), one value per sample, "
            f"got {arr.shape}."
        )
    if _close(arr, expected):
        return None
    a, a_with_self, b, sizes = _silhouette_parts(X, labels)
    alone = sizes == 1
    if _close(arr[~alone], expected[~alone]):
        return (
            "right for every point but the one alone in its group: a point alone in its "
            "cluster gets silhouette 0 by convention (its a is undefined)."
        )
    if np.any(arr < -1 - 1e-9) or np.any(arr > 1 + 1e-9):
        return (
            "some values lie outside [-1, 1]. Divide b - a by the larger of a and b, "
            "max(a, b), not by a or by b alone."
        )
    with_self = np.where(alone, 0.0, (b - a_with_self) / np.maximum(a_with_self, b))
    if _close(arr, with_self):
        return (
            "a should be the mean distance to the *other* points of the own cluster: divide "
            "the sum of distances by (cluster size - 1), not by the cluster size."
        )
    a_sq, _, b_sq, _ = _silhouette_parts(X, labels, metric="sqeuclidean")
    squared = np.where(alone, 0.0, (b_sq - a_sq) / np.maximum(a_sq, b_sq))
    if _close(arr, squared):
        return "you used squared distances; the silhouette uses plain Euclidean distances."
    if _close(arr, -expected):
        return "the sign is flipped: s = (b - a) / max(a, b), with b the nearest *other* cluster."
    return (
        "the values differ from the reference. For each point: a = mean distance to the other "
        "points of its cluster, b = smallest mean distance to the points of another cluster, "
        "s = (b - a) / max(a, b)."
    )


def check_silhouette(func):
    """Check a learner's per-sample silhouette.

    Parameters
    ----------
    func : callable
        ``func(X, labels) -> ndarray of shape (n_samples,)``, the silhouette value of each
        sample, as :func:`tutorial_lib.silhouette_samples`.

    Returns
    -------
    bool
        True if func agrees with :func:`tutorial_lib.silhouette_samples` on every case.
    """
    return _run_check(
        func, _silhouette_cases(), _diagnose_silhouette, "Your silhouette values match"
    )


# ---- Notebook 12: scale k-means out ----
# Both exercises ask for a judgement (numbers or choices), not a function: the checks take the
# answer itself, accept every answer that meets the conditions, and say which condition fails.

# Exercise 1: a workstation, the data to hold in the workers' memory, dask's spill threshold.
WORKERS_SCENARIO = {
    "cores": 8,  # one thread per worker, as in notebook 12
    "machine_gb": 32.0,  # the machine's memory
    "reserved_gb": 4.0,  # kept for the notebook (the client), the scheduler and the system
    "data_gb": 14.0,  # the data, to be persisted in the workers' memory
    "worker_own_gb": 0.5,  # what one worker process needs itself (Python, numpy, dask, dask-ml)
    # a worker's data plus its own memory stays below this fraction of its limit: dask spills
    # data to disk from 60 % of the limit held as data (70 % for the whole process), and each
    # computation needs room on top
    "target": 0.60,
}


def _placeholder(*values):
    """True if any answer is still the placeholder (None or ...)."""
    return any(value is None or value is Ellipsis for value in values)


def _lowest_limit(n_workers, s):
    """The smallest memory limit (GB) that keeps n_workers' data share below the target."""
    return (s["data_gb"] / n_workers + s["worker_own_gb"]) / s["target"]


def _workers_hint(n_workers, memory_limit_gb, s):
    """None if the plan holds, else what is wrong with it (scenario s)."""
    if isinstance(n_workers, (bool, np.bool_)) or not isinstance(n_workers, (int, np.integer)):
        return f"n_workers must be a whole number of worker processes; got {n_workers!r}."
    if isinstance(memory_limit_gb, (bool, np.bool_)) or not isinstance(
        memory_limit_gb, (int, float, np.integer, np.floating)
    ):
        return f"memory_limit_gb must be a number of gigabytes; got {memory_limit_gb!r}."
    if n_workers < 1 or not memory_limit_gb > 0:
        return "you need at least one worker, with a memory limit above 0 GB."
    if n_workers > s["cores"]:
        return (
            f"{n_workers} workers with one thread each on {s['cores']} cores: the extra "
            "processes only take turns on the same cores and each costs its own memory."
        )
    available = s["machine_gb"] - s["reserved_gb"]
    lowest = _lowest_limit(n_workers, s)
    if n_workers * lowest > available + 1e-9:
        return (
            f"with {n_workers} workers no memory limit works: each needs at least "
            f"{lowest:.2f} GB (its share of the data plus {s['worker_own_gb']:g} GB of its own, "
            f"below {s['target']:.0%} of the limit), and {n_workers} × {lowest:.2f} GB = "
            f"{n_workers * lowest:.1f} GB is more than the {available:g} GB available. Every "
            "worker process carries its own libraries: fewer workers leave more room for data."
        )
    if n_workers * memory_limit_gb > available + 1e-9:
        return (
            f"{n_workers} workers × {memory_limit_gb:g} GB = {n_workers * memory_limit_gb:g} GB, "
            f"more than the {available:g} GB the machine can give the workers "
            f"({s['machine_gb']:g} GB minus {s['reserved_gb']:g} GB kept back). A memory limit "
            "is a promise the machine must be able to keep: when the workers together use more "
            "than the machine has, the operating system kills processes, not dask."
        )
    needed = s["data_gb"] / n_workers + s["worker_own_gb"]
    if needed > s["target"] * memory_limit_gb + 1e-9:
        return (
            f"each worker would hold {s['data_gb']:g} / {n_workers} = "
            f"{s['data_gb'] / n_workers:.2f} GB of data plus {s['worker_own_gb']:g} GB of its "
            f"own, {needed:.2f} GB; that is above {s['target']:.0%} of a {memory_limit_gb:g} GB "
            "limit, where dask starts moving data to disk (and every iteration would read it "
            "back) with no room left for computing. Give each worker more memory, or use more "
            "workers."
        )
    return None


def check_workers_for_memory(n_workers, memory_limit_gb):
    """Check a plan of dask workers for the machine of notebook 12's exercise 1.

    The scenario (``WORKERS_SCENARIO``): 8 cores, 32 GB of memory of which 4 GB stay with the
    notebook, the scheduler and the system; 14 GB of data to persist in the workers' memory; each
    worker process needs 0.5 GB of its own; one thread per worker; a worker's data plus its own
    memory must stay below 60 % of its limit (dask starts spilling data to disk at 60 % of the
    limit held as data, 70 % for the whole process). Every plan that meets all conditions is
    accepted.

    Parameters
    ----------
    n_workers : int
        Number of worker processes.
    memory_limit_gb : float
        ``memory_limit`` of each worker, in gigabytes.

    Returns
    -------
    bool
        True if the plan fits the machine and keeps each worker below the spill threshold.
    """
    s = WORKERS_SCENARIO
    if _placeholder(n_workers, memory_limit_gb):
        print(
            "Not answered yet: set n_workers and memory_limit_gb to your plan (numbers, not "
            "None), then run the cell again."
        )
        return False
    hint = _workers_hint(n_workers, memory_limit_gb, s)
    if hint is not None:
        print(f"Not quite: {hint}")
        return False
    available = s["machine_gb"] - s["reserved_gb"]
    workable = [
        n for n in range(1, s["cores"] + 1) if n * _lowest_limit(n, s) <= available + 1e-9
    ]
    idle = s["cores"] - n_workers
    threads = s["cores"] // n_workers
    note = ""
    if idle and threads >= 2:
        note = (
            f" With one thread each, {idle} of the {s['cores']} cores stay idle during an "
            f"iteration; threads_per_worker={threads} would use them without more memory, "
            "because the threads of one worker share its memory."
        )
    elif idle:
        note = (
            f" With one thread each, {idle} of the {s['cores']} cores stay idle: the price of "
            "the memory each extra process would carry."
        )
    print(
        f"Correct! {n_workers} × {memory_limit_gb:g} GB fit in the {available:g} GB available, "
        f"and each worker stays below the spill threshold (it needs a limit of at least "
        f"{_lowest_limit(n_workers, s):.2f} GB). Plans with {workable[0]} to {workable[-1]} "
        f"workers can work here: each extra worker uses another core but also carries another "
        f"{s['worker_own_gb']:g} GB of its own.{note}"
    )
    return True


# Exercise 2: which way to run k-means, for six situations. For each: the best path, other
# paths that are defensible (with a remark), and the reason the check gives for a wrong one.
SCALING_PATHS = ("memory", "sample", "stream", "dask", "spark", "faiss")
SCALING_SCENARIOS = {
    "A": (
        "memory",
        {},
        "3 GB fit in a 16 GB laptop's memory: plain KMeans (notebooks 04 and 11) is the "
        "fastest and simplest; every other path adds work for nothing.",
    ),
    "B": (
        "sample",
        {"stream": "streaming works too, but reads all 120 GB on every pass for centres that a "
         "sample already pins down; a sample is faster and simpler."},
        "120 GB do not fit in 16 GB, and centres within a fraction of a percent of the "
        "full fit are enough: fit on a random sample that fits in memory, then predict every "
        "row in chunks.",
    ),
    "C": (
        "stream",
        {},
        "the data arrives in files over time and the centres must follow each new file: "
        "MiniBatchKMeans.partial_fit on each new batch keeps the model up to date without "
        "keeping the old data.",
    ),
    "D": (
        "dask",
        {},
        "2 TB are far beyond one machine, exact Lloyd iterations over every row are asked for, "
        "and a dask cluster is there: the workers read their part of the files and only k × d "
        "partial sums travel each iteration.",
    ),
    "E": (
        "spark",
        {},
        "the data already lives in Spark tables: Spark MLlib's KMeans runs where the data is; "
        "copying 40 TB out to another system costs more than the clustering.",
    ),
    "F": (
        "faiss",
        {},
        "a billion vectors and k = 100,000 centres on a GPU machine: faiss is built for that "
        "(it trains on a sample of at most a few hundred points per centre and assigns on the "
        "GPU); Lloyd iterations with k = 100,000 in dask or scikit-learn would take days.",
    ),
}


def check_scaling_path(answers):
    """Check the path chosen for each situation of notebook 12's exercise 2.

    Parameters
    ----------
    answers : dict
        One entry per situation "A" to "F", each one of ``SCALING_PATHS``: "memory", "sample",
        "stream", "dask", "spark" or "faiss".

    Returns
    -------
    bool
        True if every situation gets the best path or a defensible one.
    """
    if not isinstance(answers, dict):
        print(
            f"Not quite: answers must be a dict such as {{'A': 'memory', ...}}; got "
            f"{type(answers).__name__}."
        )
        return False
    missing = sorted(set(SCALING_SCENARIOS) - set(answers))
    if missing:
        print(f"Not quite: no answer for situation {', '.join(missing)}.")
        return False
    open_ = [key for key in sorted(SCALING_SCENARIOS) if _placeholder(answers[key])]
    if open_:
        print(
            f"Not answered yet: situation {', '.join(open_)} still has the placeholder. "
            f"Choose one of {', '.join(SCALING_PATHS)} for each."
        )
        return False
    remarks = []
    for key in sorted(SCALING_SCENARIOS):
        best, fine, reason = SCALING_SCENARIOS[key]
        answer = answers[key]
        choice = answer.strip().lower() if isinstance(answer, str) else answer
        if choice not in SCALING_PATHS:
            print(
                f"Not quite: situation {key}'s answer {answer!r} is not one of the paths "
                f"{', '.join(SCALING_PATHS)}."
            )
            return False
        if choice in fine:
            remarks.append(f"{key}: {fine[choice]}")
        elif choice != best:
            print(f"Not quite, situation {key}: not '{choice}'. Think again: {_HINTS[key]}")
            return False
    extra = (" Remarks: " + " ".join(remarks)) if remarks else ""
    print(f"Correct! Each situation gets a path that fits its size, place and deadline.{extra}")
    return True


# What a wrong answer is told: a question that points at the deciding fact, not the answer.
_HINTS = {
    "A": "does 3 GB fit in the laptop's 16 GB of memory? Then what does any other path add?",
    "B": "the data does not fit in memory, but does the answer need every row to shape the "
    "centres, or would a large random sample give nearly the same centres?",
    "C": "the data arrives over time and the model must follow it: which path updates a model "
    "batch by batch without keeping the old data?",
    "D": "the data is far larger than one machine and a cluster is there to use: which path "
    "runs Lloyd iterations on many machines at once?",
    "E": "where does the data already live, and what does it cost to move 40 TB?",
    "F": "with k = 100,000 centres every Lloyd iteration compares each vector with 100,000 "
    "centres: which library is built for billions of vectors and very large k on GPUs?",
}
