"""Feedback for the exercises: call a learner's function on fixed cases, say what is wrong.

Each ``check_*`` function

- calls your function on a few small, fixed cases (on copies of the inputs),
- compares the result with a reference computed by tutorial_lib or scikit-learn,
- prints ``Correct! ...`` or a hint about the most likely mistake, and returns True or False.

A wrong answer never raises. If your function itself raises an error, the check first says
which case it was working on, then lets the error through so that you see the traceback.
The checks also stay friendly when your function misbehaves:

- a stub that still raises ``NotImplementedError`` (or returns ...) is reported as "Not
  answered yet", without a traceback (one that returns None as "Not implemented yet");
- a case that runs for more than a few seconds (an endless loop) is stopped and named;
- what your function prints is shown shortened (its first lines and a count), so the verdict
  is always the last line, even after 200,000 printed lines;
- a wrong result is quoted shortened, never as a huge repr;
- floats are compared with a tolerance that suits their dtype (float32 answers pass when they
  are as exact as float32 allows).

Example
-------
>>> def accuracy(y_true, y_pred):
...     return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
>>> check_accuracy(accuracy)
Correct! Your accuracy gives the right fraction on all 3 cases.
True
"""

import contextlib
import copy
import reprlib
import threading
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.metrics import accuracy_score, pairwise_distances_argmin
from sklearn.preprocessing import StandardScaler

from .metrics import _cluster_means, _confusion, align_labels, silhouette_samples, wcss
from .metrics import _silhouette_parts as _metrics_silhouette_parts
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
    "check_too_few_clusters",
    "check_tighter_grouping",
    "check_stability_prediction",
    "check_stuck_start",
]

_RTOL, _ATOL = 1e-6, 1e-9  # how close a float answer must be to the reference


class _Case(NamedTuple):
    """One fixed test case: a short description and the arguments, in call order."""

    name: str
    args: dict


# --------------------------------------------------------------------------------------------
# The machinery shared by every check
# --------------------------------------------------------------------------------------------

_TIME_LIMIT = 5.0  # seconds one case may take before the check stops the learner's function
_SHOW_LINES, _SHOW_CHARS = 10, 2000  # how much of a learner's own printing is shown per case
_SHOW_RESULT = 300  # characters of a wrong result shown in a hint
_HINT_CHARS = 1500  # a hint never gets longer than this


class _TimeUp(BaseException):
    """Raised inside the learner's function when a case runs past the time limit.

    A BaseException, like KeyboardInterrupt, so that an ``except Exception`` in the learner's
    code does not swallow it.
    """


def _raise_in_thread(thread_id, exc_type):
    """Ask CPython to raise exc_type in the thread thread_id (None: cancel a pending one)."""
    try:
        import ctypes

        set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (ImportError, AttributeError):  # not CPython: no time limit, the check still works
        return
    exc = None if exc_type is None else ctypes.py_object(exc_type)
    set_async_exc(ctypes.c_ulong(thread_id), exc)


def _call_with_time_limit(func, args, seconds):
    """Return func(*args); raise _TimeUp in it if it runs longer than `seconds`.

    A watchdog thread raises the exception in the calling thread. Unlike ``signal.alarm``
    (Unix only, main thread only) this works the same in Jupyter on Linux, macOS and Windows,
    and from any thread. The exception arrives between two Python bytecodes, so a loop written
    in Python stops within milliseconds; a single long call into compiled code (one huge numpy
    operation) is stopped only when that call returns.
    """
    caller = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def time_up():
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in_thread(caller, _TimeUp)

    watchdog = threading.Timer(seconds, time_up)
    watchdog.daemon = True
    watchdog.start()
    try:
        return func(*args)
    finally:
        with lock:
            state["done"] = True
        watchdog.cancel()
        if state["fired"]:
            _raise_in_thread(caller, None)  # fired just as func returned: drop it, if pending


class _Printed:
    """Stands in for sys.stdout while the learner's function runs: keeps the first lines it
    prints and counts the rest, so that 200,000 printed lines cannot bury the verdict.
    (A plain class with a lean write(): print calls it twice per line.)"""

    encoding = "utf-8"

    def __init__(self):
        self.parts = []  # the first _SHOW_CHARS characters or so, as written
        self.n_chars = 0
        self.n_lines = 0
        self.last = ""

    def write(self, text):
        n = len(text)
        if self.n_chars < _SHOW_CHARS:
            self.parts.append(text)
        self.n_chars += n
        self.n_lines += text.count("\n")
        self.last = text
        return n

    def flush(self):
        pass

    def writable(self):
        return True

    def isatty(self):
        return False

    def excerpt(self, where):
        """What to show of the printed text: at most _SHOW_LINES lines, then a count."""
        if not self.n_chars:
            return ""
        kept = "".join(self.parts)[:_SHOW_CHARS]
        total = self.n_lines + (not self.last.endswith("\n"))
        shown = kept.splitlines()[:_SHOW_LINES]
        text = "\n".join(shown)
        if self.n_chars > len(text) + 1:
            text += (
                f"\n... [your function printed {total:,} lines ({self.n_chars:,} characters) on "
                f"{where}; the check shows the first {len(shown)}]"
            )
        return text


def _short(value, limit=_SHOW_RESULT):
    """A short, readable form of any value, for hints: arrays are summarised, long reprs cut."""
    if isinstance(value, np.ndarray):
        with np.printoptions(threshold=20, edgeitems=3, precision=4, linewidth=88):
            text = np.array2string(value, separator=", ")
        if value.size > 20:
            text += f" (shape {value.shape}, dtype {value.dtype})"
    else:
        short = reprlib.Repr()
        short.maxstring, short.maxother, short.maxlist = 80, 80, 8
        short.maxtuple, short.maxdict, short.maxset = 8, 6, 6
        try:
            text = short.repr(value)
        except Exception:  # a learner's object whose repr itself fails
            text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 5] + " ...]"


def _describe(args):
    """'X: array of shape (6, 2), n_clusters: 2' -- what the learner's function was given."""
    parts = []
    for name, value in args.items():
        if isinstance(value, np.ndarray):
            parts.append(f"{name}: array of shape {value.shape}, dtype {value.dtype}")
        else:
            parts.append(f"{name}: {_short(value)}")
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


def _tolerance(result):
    """(rtol, atol) for comparing a learner's floats with a float64 reference.

    float64 answers must agree to _RTOL. An answer computed in lower precision (float32,
    float16) is as right as its dtype allows when it agrees to a small multiple of that
    dtype's machine epsilon (float32: 50 * 1.2e-7 = 6e-6), so it is judged by that.
    """
    dtype = getattr(result, "dtype", None)
    if dtype is None and isinstance(result, (tuple, list)) and result:
        dtype = getattr(result[0], "dtype", None)
    if dtype is not None and dtype.kind in "fc" and np.finfo(dtype).eps > np.finfo(float).eps:
        loose = 50 * float(np.finfo(dtype).eps)
        return max(_RTOL, loose), max(_ATOL, loose)
    return _RTOL, _ATOL


def _close(a, b):
    """Float comparison of a learner's a with the reference b (arrays must have the same shape);
    the tolerance follows a's dtype, see _tolerance."""
    rtol, atol = _tolerance(a)
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def _digits_hint(a, b):
    """A hint for an answer that is right to a few digits only (low precision), else None."""
    a_arr = np.asarray(a)
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or not np.allclose(a, b, rtol=1e-2, atol=1e-2):
        return None
    scale = np.maximum(np.abs(b), 1.0)
    error = float(np.max(np.abs(a - b) / scale))
    digits = max(int(-np.log10(error)), 1) if error > 0 else 15
    return (
        f"your numbers agree with the reference to about {digits} digits only, which is too "
        f"few for rounding alone (your result has dtype {a_arr.dtype}). The formula looks "
        "right: compute in float64 (numpy's default) and do not round the result."
    )


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


def _not_answered(value):
    """True for the placeholders of the student edition: None and ... (Ellipsis)."""
    return value is None or value is Ellipsis


def _run_check(func, cases, diagnose, success, time_limit=None):
    """Call func on every case; print the first problem found or the success message.

    ``diagnose(result, **case.args)`` returns None when the result is right, else a hint.
    What func prints is shown shortened (first lines and a count), and the verdict is always
    the last thing printed. A case that runs longer than time_limit seconds is stopped and
    named. A stub that raises NotImplementedError or returns ... is "not answered yet" (one
    that returns None, "not implemented yet"). Any other exception of func is re-raised
    after the case is named.
    """
    time_limit = _TIME_LIMIT if time_limit is None else time_limit
    if not callable(func):
        raise TypeError(
            f"Pass your function itself, without calling it: e.g. check(my_function), not "
            f"check(my_function(...)). Got {type(func).__name__}."
        )
    for number, case in enumerate(cases, start=1):
        where = f"case {number} of {len(cases)} ({case.name})"
        given = copy.deepcopy(case.args)  # the learner's function may change its inputs
        printed = _Printed()
        outcome = None  # what went wrong while calling func, if anything
        try:
            with contextlib.redirect_stdout(printed):
                result = _call_with_time_limit(func, tuple(given.values()), time_limit)
        except _TimeUp:
            outcome = "time"
        except NotImplementedError:
            outcome = "stub"
        except Exception as exc:
            outcome = exc
        shown = printed.excerpt(where)
        if shown:
            print(shown)
        if outcome == "time":
            print(
                f"Stopped: your function was still running after {time_limit:g} seconds on "
                f"{where}.\nIt was given {_describe(case.args)}.\n"
                "These cases take a few milliseconds when the code is right; look for a loop "
                "that never ends (a `while` whose condition never becomes false, or a loop "
                "variable that is never updated)."
                + (
                    f" Printing is slow too: it printed {printed.n_lines:,} lines before it "
                    "was stopped."
                    if printed.n_lines > 10_000
                    else ""
                )
            )
            return False
        if outcome is None and result is None:  # (message unchanged: stored outputs quote it)
            print(
                f"Not implemented yet: your function returned None on {where}. Replace the "
                "placeholder with your code, and make sure the function ends with a `return` "
                "statement."
            )
            return False
        if outcome == "stub" or (outcome is None and result is Ellipsis):
            how = (
                "still raises NotImplementedError (the placeholder)"
                if outcome == "stub"
                else "returned ... (the placeholder)"
            )
            print(
                f"Not answered yet: your function {how} on {where}. Replace the placeholder "
                "with your code, make sure the function ends with a `return` statement, and "
                "run the cell again."
            )
            return False
        if outcome is not None:
            print(
                f"Your function raised {type(outcome).__name__} on {where}.\n"
                f"It was given {_describe(case.args)}.\n"
                "The error and the line where it happened follow."
            )
            raise outcome
        try:
            with np.errstate(all="ignore"):
                hint = diagnose(result, **case.args)
        except Exception as exc:  # a strange result must not crash the check
            hint = (
                f"the check could not make sense of what your function returned "
                f"({type(result).__name__}: {_short(str(exc), 200)})."
            )
        changed = [name for name in case.args if not _same(case.args[name], given[name])]
        if hint is None and changed:
            hint = (
                f"the result is right, but your function changed its input "
                f"{', '.join(changed)} in place. Work on a copy (e.g. X = X.copy(), or "
                "Z = X - mean instead of X -= mean) so the caller's data stay as they were."
            )
        if hint is not None:
            if len(hint) > _HINT_CHARS:
                hint = hint[: _HINT_CHARS - 5] + " ..."
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
        return f"return one number (a float); your function returned {_short(result)}."
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
        return f"labels must be whole numbers (indices of centres); got {_short(arr)}."
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
        return f"labels must be centre indices 0..{k - 1}; got {_short(arr)}."
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
    z_train, z_test = (np.asarray(z) for z in result)  # the dtype sets the tolerance
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
    pairs = [(z_train, want_train, train_ok), (z_test, want_test, test_ok)]
    rough = [_digits_hint(z, want) for z, want, ok in pairs if not ok]
    if all(hint is not None for hint in rough):  # right formula, too few digits
        return rough[0]
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
        return f"return one k value (a whole number); your function returned {_short(result)}."
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
        return f"return one number between 0 and 1; your function returned {_short(result)}."
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
    """a (mean distance to the own group, itself excluded), the same mean with the point itself
    counted, b (nearest other group) and each point's group size: metrics' silhouette parts."""
    _, own, counts = np.unique(labels, return_inverse=True, return_counts=True)
    a, b = _metrics_silhouette_parts(X, own, counts, metric=metric)
    sizes = counts[own]
    a_with_self = a * (sizes - 1) / sizes
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


# --------------------------------------------------------------------------------------------
# Predict, then run, then explain: the machinery for judgement exercises
# --------------------------------------------------------------------------------------------


def _check_prediction(prediction, options, observed, evidence):
    """Compare a learner's prediction (one letter of options) with what the data showed.

    observed is the letter the data support, computed by the caller on the notebook's data;
    evidence says what the data showed. The check never explains *why*: that is the learner's
    part of the exercise (and the solution's).
    """
    letters = ", ".join(repr(letter) for letter in options)
    if _not_answered(prediction):
        print(
            f"Not answered yet: set your prediction to one of {letters} (the options above), "
            "then run the cell again."
        )
        return False
    key = str(prediction).strip().strip("()").lower() if isinstance(prediction, str) else None
    if key not in options:
        print(f"Answer with one of {letters} (a string); got {_short(prediction)}.")
        return False
    if key == observed:
        print(f"Correct! You predicted ({key}): {options[key]}.")
    else:
        print(
            f"Not quite. You predicted ({key}): {options[key]}.\n"
            f"What happened is ({observed}): {options[observed]}."
        )
    print(evidence)
    print("Now explain why in a sentence or two, then compare with the solution.")
    return key == observed


# ---- Notebook 00: ask for too few clusters ----


def check_too_few_clusters(prediction):
    """Notebook 00: what does k-means do with n_clusters=2 on Source A's three blobs?

    Parameters
    ----------
    prediction : str
        'a', 'b' or 'c', as in the notebook's exercise.

    Returns
    -------
    bool
        True if the prediction matches what tutorial_lib's KMeans does on the data.
    """
    from . import KMeans  # here, not at the top: the estimator module imports this package
    from .datasets import load_blobs_a

    options = {
        "a": "k-means stops with an error, because the data hold three groups",
        "b": "k-means leaves the points of one blob out: they get no cluster",
        "c": "every point gets one of the two clusters, so two blobs share a cluster",
    }
    data = load_blobs_a()
    X, y = data[["x", "y"]].to_numpy(), data["label"].to_numpy()
    try:
        labels = KMeans(n_clusters=2, n_init=10, random_state=42).fit(X).labels_
    except Exception as exc:  # never expected; report it as what the data showed
        return _check_prediction(prediction, options, "a", f"KMeans raised {exc!r}.")
    shares = []
    for cluster in np.unique(labels):
        counts = np.bincount(y[labels == cluster], minlength=3)
        blobs = [f"{count} of blob {blob}" for blob, count in enumerate(counts) if count]
        shares.append(f"cluster {cluster} holds {', '.join(blobs)}")
    whole = [np.bincount(labels[y == blob]).max() / np.sum(y == blob) for blob in range(3)]
    shared = any(
        np.sum([np.mean(labels[y == blob] == c) > 0.5 for blob in range(3)]) > 1
        for c in np.unique(labels)
    )
    observed = "c" if len(labels) == len(X) and shared else "b"
    evidence = (
        f"On Source A's blobs with n_clusters=2, all {len(labels)} points got a label: "
        + "; ".join(shares)
        + f". Every blob stays almost whole (at least {min(whole):.0%} of its points in one "
        "cluster)."
    )
    return _check_prediction(prediction, options, observed, evidence)


# ---- Notebook 01: the grouping with the smaller WCSS ----


def check_tighter_grouping(prediction):
    """Notebook 01: with the three blob means as centres, which grouping has the smaller WCSS,
    the true labels or every point's nearest mean?

    Parameters
    ----------
    prediction : str
        'a', 'b' or 'c', as in the notebook's exercise.

    Returns
    -------
    bool
        True if the prediction matches the WCSS computed on Source A's blobs.
    """
    from .datasets import load_blobs_a

    options = {
        "a": "the true grouping has the smaller WCSS",
        "b": "the nearest-mean grouping has the smaller WCSS",
        "c": "both have the same WCSS",
    }
    data = load_blobs_a()
    X, y = data[["x", "y"]].to_numpy(), data["label"].to_numpy()
    means = _cluster_means(X, y, 3)
    nearest = pairwise_distances_argmin(X, means)
    true_wcss, nearest_wcss = wcss(X, y, means), wcss(X, nearest, means)
    if np.isclose(true_wcss, nearest_wcss):
        observed = "c"
    else:
        observed = "a" if true_wcss < nearest_wcss else "b"
    evidence = (
        f"With the blob means as centres: true grouping {true_wcss:.1f}, nearest-mean grouping "
        f"{nearest_wcss:.1f}; the two groupings differ in {int(np.sum(nearest != y))} of "
        f"{len(X)} points."
    )
    return _check_prediction(prediction, options, observed, evidence)


# ---- Notebook 02: is a wrong clustering stable? ----


def _split_half_ari(X_train, X_test, n_clusters, scale, n_pairs=5, seed=0):
    """ARI between the test-part labels of two k-means fits on disjoint random halves of
    X_train, for n_pairs random splits (the stability measure of notebook 02)."""
    from sklearn.cluster import KMeans as SklearnKMeans
    from sklearn.metrics import adjusted_rand_score
    from sklearn.pipeline import make_pipeline

    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(n_pairs):
        order = rng.permutation(len(X_train))
        halves = order[: len(order) // 2], order[len(order) // 2 :]
        labels = []
        for half in halves:
            steps = [StandardScaler()] if scale else []
            km = SklearnKMeans(n_clusters=n_clusters, n_init=10, random_state=seed)
            labels.append(make_pipeline(*steps, km).fit(X_train[half]).predict(X_test))
        scores.append(adjusted_rand_score(*labels))
    return np.array(scores)


def check_stability_prediction(prediction):
    """Notebook 02: how stable is k-means on the raw income-and-age features?

    Parameters
    ----------
    prediction : str
        'a', 'b' or 'c', as in the notebook's exercise.

    Returns
    -------
    bool
        True if the prediction matches the split-half ARI measured on the notebook's data
        (``make_scaling_matters(random_state=0)``, split 70/30 with ``random_state=0``).
    """
    from sklearn.model_selection import train_test_split

    from .datasets import make_scaling_matters

    options = {
        "a": "about 1: fits on the two halves agree, as they do on standardised features",
        "b": "clearly below 1: fits on the two halves disagree on many test points",
        "c": "about 0, like its ARI against the true groups",
    }
    data = make_scaling_matters(random_state=0)
    X = data.drop(columns="label").to_numpy()
    X_train, X_test = train_test_split(X, train_size=0.7, random_state=0)
    raw = _split_half_ari(X_train, X_test, 2, scale=False)
    scaled = _split_half_ari(X_train, X_test, 2, scale=True)
    middle = float(np.median(raw))
    observed = "a" if middle > 0.9 else "c" if middle < 0.1 else "b"
    evidence = (
        f"Split-half ARI over {len(raw)} random splits of the training part, on the "
        f"{len(X_test)} test points: raw features median {middle:.2f} (from {raw.min():.2f} "
        f"to {raw.max():.2f}); standardised features median {np.median(scaled):.2f}."
    )
    return _check_prediction(prediction, options, observed, evidence)


# ---- Notebook 03: which start gets stuck? ----


def check_stuck_start(prediction, start_a, start_b):
    """Notebook 03: from which of two starts does Lloyd's loop get stuck on Source A's blobs?

    Parameters
    ----------
    prediction : str
        'a', 'b', 'c' or 'd', as in the notebook's exercise.
    start_a, start_b : array-like of shape (3, 2)
        The two starting centres of the exercise.

    Returns
    -------
    bool
        True if the prediction matches what one run of tutorial_lib's KMeans does from each
        start (stuck: a final WCSS more than 1 % above the best of ten k-means++ restarts).
    """
    from . import KMeans
    from .datasets import load_blobs_a

    options = {
        "a": "start A gets stuck, start B finds the three blobs",
        "b": "start B gets stuck, start A finds the three blobs",
        "c": "both get stuck",
        "d": "neither gets stuck",
    }
    X = load_blobs_a()[["x", "y"]].to_numpy()
    best = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X).inertia_
    final = {}
    for name, start in (("A", start_a), ("B", start_b)):
        start = np.asarray(start, dtype=float)
        final[name] = KMeans(n_clusters=3, init=start, n_init=1).fit(X).inertia_
    stuck = {name: value > 1.01 * best for name, value in final.items()}
    observed = {(True, False): "a", (False, True): "b", (True, True): "c"}.get(
        (stuck["A"], stuck["B"]), "d"
    )
    evidence = (
        f"Final WCSS from start A {final['A']:.1f}, from start B {final['B']:.1f}; the best "
        f"of ten k-means++ restarts is {best:.1f}."
    )
    return _check_prediction(prediction, options, observed, evidence)
