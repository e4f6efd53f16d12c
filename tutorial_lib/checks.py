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
    "check_eps_choice",
    "check_bic_components",
        "check_matching_palette",
    "check_labels_needed",
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


# ---- Notebook 07: where k-means fails ----
# The checks of notebooks 07-10 judge answers, not functions: the learner gives a value read
# off a plot or a table, and the check recomputes the evidence itself and says what the answer
# leads to. The two helpers below are shared by them.


def _unanswered_judgement(answer, what):
    """Print the 'not answered yet' line and return True for a stub answer (None or ...)."""
    if answer is None or answer is Ellipsis:
        print(f"Not answered yet: {what} Then run this cell again.")
        return True
    return False


def _whole_number(value):
    """value as an int if it is a whole number (not a bool), else None."""
    number = _as_number(value)
    if number is None or number != round(number):
        return None
    return int(number)



def _k_distances(X, min_samples):
    """Each point's distance to its min_samples-th nearest neighbour (itself counted first)."""
    from sklearn.neighbors import NearestNeighbors

    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(X).kneighbors(X)
    return distances[:, -1]


def check_eps_choice(eps, X, y_true, min_samples=5):
    """Check an ``eps`` for DBSCAN read off a k-distance plot.

    Runs ``DBSCAN(eps=eps, min_samples=min_samples)`` on X and compares its clusters with the
    true groups (adjusted Rand index at least 0.9 counts as right). The feedback says what
    the chosen eps did: how many clusters and noise points it gave, and how many points have
    their ``min_samples``-th nearest neighbour farther away than eps.

    Parameters
    ----------
    eps : float, None or ...
        The learner's answer; None or ... means "not answered yet".
    X : array-like of shape (n_samples, n_features)
        The (scaled) data the k-distance plot was drawn for.
    y_true : array-like of shape (n_samples,)
        The true groups, used only to judge the result.
    min_samples : int, default=5
        DBSCAN's ``min_samples``, the same as the plot's neighbour number.

    Returns
    -------
    bool
        True if DBSCAN with this eps recovers the groups (ARI >= 0.9).
    """
    from sklearn.cluster import DBSCAN
    from sklearn.metrics import adjusted_rand_score

    if _unanswered_judgement(eps, "set my_eps to the distance you read off the k-distance plot."):
        return False
    value = _as_number(eps)
    if value is None or not np.isfinite(value) or value <= 0:
        print(
            f"Not quite: eps is a distance, one positive number such as 0.5 (in the scaled "
            f"units of the plot's vertical axis); you gave {eps!r}."
        )
        return False
    X = np.asarray(X, dtype=float)
    y_true = np.asarray(y_true)
    labels = DBSCAN(eps=value, min_samples=min_samples).fit_predict(X)
    n_true = len(np.unique(y_true))
    n_found = len(set(labels.tolist()) - {-1})
    n_noise = int(np.sum(labels == -1))
    score = adjusted_rand_score(y_true, labels)
    beyond = float(np.mean(_k_distances(X, min_samples) > value))
    found = (
        f"DBSCAN finds {n_found} cluster{'s' if n_found != 1 else ''} (the data have "
        f"{n_true} groups) and calls {n_noise} of {len(X)} points noise; ARI {score:.2f}"
    )
    if score >= 0.9:
        print(f"Correct! With eps = {value:g}, {found}.")
        return True
    if n_found > n_true or n_noise > 0.1 * len(X):
        print(
            f"Not quite: with eps = {value:g}, {found}. {beyond:.0%} of the points have their "
            f"{min_samples}th nearest neighbour farther away than eps, so they cannot be core "
            "points and the chains of core points break. Look again at where the curve "
            "leaves its flat part."
        )
    elif n_found < n_true:
        print(
            f"Not quite: with eps = {value:g}, {found}. Only {beyond:.0%} of the points are "
            "left above eps: the radius reaches across the gaps between groups and chains "
            "them together. Look again at where the flat part ends."
        )
    else:
        print(
            f"Not quite: with eps = {value:g}, {found}: the right number of clusters, but "
            "not the right groups. Compare the clusters with the plot of the data."
        )
    return False


# ---- Notebook 08: real data, penguins ----


def check_bic_components(n_components, X, k_values, covariance_type="full", n_init=3,
                         random_state=0):
    """Check a number of mixture components chosen by the Bayesian information criterion.

    Fits ``GaussianMixture(k, covariance_type=..., n_init=..., random_state=...)`` on X for
    every k in k_values and compares the answer with the k of the lowest BIC.

    Parameters
    ----------
    n_components : int, None or ...
        The learner's answer; None or ... means "not answered yet".
    X : array-like of shape (n_samples, n_features)
        The data the BIC was computed on.
    k_values : sequence of int
        The numbers of components compared.
    covariance_type, n_init, random_state
        As in ``sklearn.mixture.GaussianMixture``; use the notebook's settings.

    Returns
    -------
    bool
        True if the answer is the k with the lowest BIC.
    """
    from sklearn.mixture import GaussianMixture

    if _unanswered_judgement(n_components, "set my_components to the number you choose."):
        return False
    X = np.asarray(X, dtype=float)
    ks = [int(k) for k in k_values]
    answer = _whole_number(n_components)
    if answer is None or answer not in ks:
        print(
            f"Not quite: answer with one of the numbers of components that were compared, "
            f"{ks}; you gave {n_components!r}."
        )
        return False
    bic = {
        k: GaussianMixture(
            n_components=k, covariance_type=covariance_type, n_init=n_init,
            random_state=random_state,
        ).fit(X).bic(X)
        for k in ks
    }
    best = min(bic, key=bic.get)
    if answer == best:
        runner_up = min((k for k in ks if k != best), key=bic.get)
        print(
            f"Correct! {best} components give the lowest BIC, {bic[best]:.1f}; the next best "
            f"is {runner_up} components with {bic[runner_up]:.1f}."
        )
        return True
    if answer == max(bic, key=bic.get):
        print(
            f"Not quite: {answer} components give the *highest* BIC of all. The BIC is a cost "
            "(a poor fit and many parameters both raise it): look for the lowest value."
        )
    else:
        print(
            f"Not quite: at {answer} components the BIC is {bic[answer]:.1f}, and another "
            "number in the list scores lower. The BIC has no elbow to read: it has a lowest "
            "point, where the better fit of one more component stops paying for its extra "
            "parameters."
        )
    return False


# ---- Notebook 09: colour quantisation ----


def check_matching_palette(n_colors, inertia_of, target_inertia, k_values):
    """Check the smallest baseline palette whose inertia reaches a k-means palette's.

    Parameters
    ----------
    n_colors : int, None or ...
        The learner's answer; None or ... means "not answered yet".
    inertia_of : callable
        ``inertia_of(k) -> float``, the notebook's baseline (median cut in notebook 09): the
        inertia of its palette of k colours on the whole picture.
    target_inertia : float
        The inertia of the k-means palette to match.
    k_values : sequence of int
        The palette sizes to choose from.

    Returns
    -------
    bool
        True if the answer is the smallest k in k_values whose baseline inertia is at most
        target_inertia.
    """
    if _unanswered_judgement(n_colors, "set my_colours to the palette size you found."):
        return False
    ks = sorted(int(k) for k in k_values)
    answer = _whole_number(n_colors)
    if answer is None or answer not in ks:
        print(f"Not quite: answer with one of the palette sizes {ks}; you gave {n_colors!r}.")
        return False
    inertia = {}
    for k in ks:  # in increasing order, stopping once the answer and the match are known
        inertia[k] = float(inertia_of(k))
        if k >= answer and inertia[k] <= target_inertia:
            break
    matches = [k for k in inertia if inertia[k] <= target_inertia]
    if not matches:
        print(
            f"Not quite: even {ks[-1]} median-cut colours stay above {target_inertia:.1f} "
            f"(inertia {inertia[ks[-1]]:.1f}); no size in the list matches."
        )
        return False
    best = matches[0]
    if answer == best:
        smaller = [k for k in ks if k < best]
        before = (
            f", while {smaller[-1]} colours give {inertia[smaller[-1]]:.1f}" if smaller else ""
        )
        print(
            f"Correct! Median cut needs {best} colours to reach {target_inertia:.1f}: its "
            f"inertia there is {inertia[best]:.1f}{before}."
        )
        return True
    if answer < best:
        print(
            f"Not quite: with {answer} colours median cut's inertia is {inertia[answer]:.1f}, "
            f"still above the target {target_inertia:.1f}. Try larger palettes."
        )
    else:
        print(
            f"Not quite: {answer} colours do reach the target, but a smaller palette in the "
            "list already does. Look for the smallest one."
        )
    return False


# ---- Notebook 10: k-means as a tool ----


def check_labels_needed(answer, accuracy_of, target, budgets):
    """Check how many labelled images each strategy needs to reach a target accuracy.

    Parameters
    ----------
    answer : dict, None or ...
        ``{strategy: number of labels}`` for every strategy; None or ... means "not answered
        yet".
    accuracy_of : callable
        ``accuracy_of(n_labels, strategy) -> float``, the notebook's experiment (test
        accuracy after labelling n_labels images with that strategy).
    target : float
        The accuracy to reach.
    budgets : sequence of int
        The numbers of labels to choose from, for every strategy.

    Returns
    -------
    bool
        True if, for every strategy, the answer is the smallest budget whose accuracy is at
        least the target.
    """
    if _unanswered_judgement(answer, "fill in labels_needed with a number of labels per strategy."):
        return False
    if not isinstance(answer, dict):
        print(
            "Not quite: answer with a dict, one number of labels per strategy, e.g. "
            f"{{'random': ..., 'representatives': ...}}; you gave {type(answer).__name__}."
        )
        return False
    ns = sorted(int(n) for n in budgets)
    for strategy, given in answer.items():
        if _unanswered_judgement(given, f"give a number of labels for {strategy!r}."):
            return False
        n = _whole_number(given)
        if n is None or n not in ns:
            print(
                f"Not quite: for {strategy!r}, answer with one of the budgets {ns}; you gave "
                f"{given!r}."
            )
            return False
        reached = None
        for budget in ns:  # in increasing order: the first one that reaches the target
            accuracy = accuracy_of(budget, strategy)
            if accuracy >= target:
                reached = (budget, accuracy)
                break
        if reached is None:
            print(
                f"Not quite: for {strategy!r}, no budget in the list reaches {target:.2f}, "
                f"so no answer from {ns} is right; the experiment needs larger budgets."
            )
            return False
        if n < reached[0]:
            print(
                f"Not quite: for {strategy!r}, {n} labels give an accuracy of "
                f"{accuracy_of(n, strategy):.3f}, below the target {target:.2f}."
            )
            return False
        if n > reached[0]:
            print(
                f"Not quite: for {strategy!r}, {n} labels reach the target, but fewer "
                "labels in the list already do. Look for the smallest budget."
            )
            return False
    print(
        "Correct! "
        + "; ".join(
            f"{strategy}: {answer[strategy]} labels, accuracy "
            f"{accuracy_of(int(answer[strategy]), strategy):.3f}"
            for strategy in answer
        )
        + f" (target {target:.2f})."
    )
    return True
