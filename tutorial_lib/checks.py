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
from sklearn.datasets import make_blobs
from sklearn.metrics import accuracy_score, pairwise_distances_argmin
from sklearn.preprocessing import StandardScaler

from ._validation import check_labels
from .metrics import (
    _cluster_means,
    _confusion,
    align_labels,
    silhouette_samples,
    split_half_stability,
    wcss,
)
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
    "check_same_partition",
    "check_best_run",
    "check_knee_range",
    "check_chance_scores",
    "check_eps_choice",
    "check_bic_components",
    "check_matching_palette",
    "check_labels_needed",
    "check_expansion",
    "check_speedup_prediction",
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
                + (
                    " It printed something: did you print the answer instead of returning it?"
                    if printed.n_lines
                    else ""
                )
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
        smallest = np.min(cdist(X, centers) ** 2, axis=1)
        if arr.dtype.kind == "f" and (
            np.allclose(arr, smallest) or np.allclose(arr, np.sqrt(smallest))
        ):
            return (
                "you returned the smallest distance of each point, not which centre it belongs "
                "to: use np.argmin (the index of the smallest), not np.min (its value)."
            )
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
    k0 = np.arange(5, 12)  # k does not start at 1: positions in the list (0..6) are no k values
    k1 = np.arange(1, 11)
    k2 = np.arange(2, 21, 2)  # every other k: the position in the list is not k
    k3 = np.arange(1, 9)
    return [
        # small inertias and a bump at the end, so that the usual slips give different answers:
        # the knee 7, positions 2 or 3, no rescaling 8, smallest inertia 10, x - y (no "1 -") 11
        _Case(
            "k = 5..11, an elbow and a small bump at the end",
            {"k_values": k0, "inertias": np.array([100.0, 40.0, 20.0, 12.0, 11.5, 11.2, 11.4])},
        ),
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
    # A position only counts as evidence when it is no k value of this case: with k = 1..10,
    # returning 2 instead of 3 may as well be any other slip by one.
    if value in (position, position + 1) and value not in k:
        return (
            f"you returned the position of the knee in the list ({value:g}), not the k value "
            f"there: return k_values[position]."
        )
    if np.isclose(value, y[position]):
        return "you returned the inertia at the knee; return the k value there."
    x_scaled = (k - k.min()) / (k.max() - k.min())
    y_scaled = (y - y.min()) / (y.max() - y.min())
    if value == k[np.argmax(x_scaled - y_scaled)]:
        return (
            "the gap below the chord is (1 - x_scaled) - y_scaled: check the 1 -. Without it, "
            "x_scaled - y_scaled grows all the way to the last k."
        )
    if value == k[np.argmax((y.max() - y) - k)]:
        return (
            "subtracting the raw k from the raw inertias measures the gap to a line of slope -1 "
            "in the original units, not to the chord between the curve's two ends. Rescale both "
            "axes to [0, 1] first: the chord then runs from (0, 1) to (1, 0), and the gap below "
            "it is (1 - x_scaled) - y_scaled."
        )
    if value == k[np.argmin(y)]:
        return (
            "that is the k with the smallest inertia, which is (almost) always the largest k "
            "tried: inertia keeps falling as k grows. The knee is where the curve bends most, "
            "the largest gap below the chord."
        )
    if value == k[0]:
        return (
            "that is the first k. The knee comes later, where the curve bends most. (With k "
            "and the inertias rescaled to [0, 1], the gap below the chord is "
            "(1 - x_scaled) - y_scaled; y_scaled - x_scaled peaks at the first k.)"
        )
    return (
        f"expected k = {expected}, got {value:g}. Rescale k and the inertias to [0, 1], take "
        "the gap below the chord, (1 - x_scaled) - y_scaled, and return the k where it is "
        "largest."
    )


def check_knee(func):
    """Check a learner's knee (elbow) finder.

    Parameters
    ----------
    func : callable
        ``func(k_values, inertias) -> k`` with two 1-D arrays of the same length (k_values
        increasing, inertias decreasing); returns the k at the knee by find_knee's rule
        (the largest gap below the chord, a simplified Kneedle).

    Returns
    -------
    bool
        True if func agrees with :func:`tutorial_lib.find_knee` on every case.
    """
    return _run_check(
        func, _knee_cases(), _diagnose_knee, "Your knee matches find_knee's rule"
    )


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
            "two clusters were given the same label: each cluster should get its own. Solve "
            "the assignment problem, scipy.optimize.linear_sum_assignment(confusion, "
            "maximize=True), instead of taking each cluster's majority label."
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


def _harder_align_case():
    """The optional case: 5 clusters for 3 labels, so 2 clusters are left after the match.

    Counts (rows: clusters 0-4; columns: labels A, B, C): [[5, 1, 0], [0, 5, 0], [1, 0, 4],
    [3, 0, 0], [0, 2, 1]]. The one-to-one match 0-A, 1-B, 2-C (14 points) is the only best
    one; clusters 3 and 4 are left over, mostly A and mostly B.
    """
    counts = [[5, 1, 0], [0, 5, 0], [1, 0, 4], [3, 0, 0], [0, 2, 1]]
    true, pred = [], []
    for cluster, row in enumerate(counts):
        for label, count in zip("ABC", row, strict=True):
            true += [label] * count
            pred += [cluster] * count
    order = np.random.default_rng(3).permutation(len(true))  # mixed, as real data would be
    return _Case(
        "5 clusters, 3 labels", {"y_true": np.array(true)[order], "y_pred": np.array(pred)[order]}
    )


def _judge_harder_align(func, case):
    """Run func on the optional case; return the line that says how it handled it."""
    head = f"Optional harder case ({case.name}):"
    y_true, y_pred = case.args["y_true"], case.args["y_pred"]
    clusters, classes, counts, pred_codes = _confusion(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts, maximize=True)
    extra = np.setdiff1d(np.arange(len(clusters)), rows)  # clusters without a partner
    names = " and ".join(str(clusters[e]) for e in extra)
    printed = _Printed()
    try:
        with contextlib.redirect_stdout(printed):
            result = _call_with_time_limit(func, tuple(copy.deepcopy(case.args).values()),
                                           _TIME_LIMIT)
    except _TimeUp:
        result = "time"
    except Exception as exc:  # an optional case reports an error, it never raises it
        result = exc
    shown = printed.excerpt(f"the {case.name} case")
    if shown:
        print(shown)
    not_yet = (
        f"{head} not handled yet: {{}}. After the one-to-one match, clusters {names} have no "
        "label: decide what they should become (the exercise names two choices) and run the "
        "cell again. The two main cases above do not depend on it."
    )
    if isinstance(result, str) and result == "time":
        return not_yet.format(f"your function was still running after {_TIME_LIMIT:g} seconds")
    if isinstance(result, KeyError) and len(result.args) == 1:  # a dict lookup that failed
        return not_yet.format(f"your function raised KeyError: "
                              f"{_short(_plain(result.args[0]), 40)}")
    if isinstance(result, BaseException):
        return not_yet.format(f"your function raised {type(result).__name__}: "
                              f"{_short(str(result), 80)}")
    if result is None or result is Ellipsis or isinstance(result, dict):
        return not_yet.format(f"your function returned {_short(result, 60)}")
    arr = np.asarray(result, dtype=object)
    if arr.shape != y_pred.shape:
        return not_yet.format(f"the result has shape {arr.shape}, not {y_pred.shape}")
    expected = np.asarray(align_labels(y_true, y_pred), dtype=object)
    in_extra = np.isin(pred_codes, extra)
    if not np.all(arr[~in_extra] == expected[~in_extra]):
        return (f"{head} not quite: the points of the matched clusters should keep their "
                "one-to-one labels, as in the main cases.")
    labels = set(classes.tolist())
    majority = bool(np.all(arr[in_extra] == expected[in_extra]))
    no_label = all(not isinstance(v, (str, int, np.generic)) or v not in labels
                   for v in arr[in_extra].tolist())
    n = len(y_true)
    matched_right = int(counts[rows, cols].sum())
    inflated = (matched_right + int(counts[extra].max(axis=1).sum())) / n
    honest = matched_right / n
    if majority:
        return (f"{head} handled. Your clusters {names} take the label they overlap most, as "
                f"align_labels does: accuracy {inflated:.3f}. Left without a label they would "
                f"give {honest:.3f}. An extra cluster can only add right points, so the first "
                "number is inflated: say which one you would report, and why.")
    if no_label:
        return (f"{head} handled. Your clusters {names} get no label, so their points count "
                f"as wrong: accuracy {honest:.3f}, the one-to-one accuracy. Giving each the "
                f"label it overlaps most (as align_labels does) would report {inflated:.3f}: "
                "say which one you would report, and why.")
    return (f"{head} not quite: clusters {names} should either take the label they overlap "
            "most (the largest count in their column of the table) or get no label at all "
            "(e.g. None), one rule for both; yours gave them other labels.")


def check_align_labels(func):
    """Check a learner's alignment of cluster ids with true labels (an assignment problem).

    Two main cases have as many clusters as labels. When func gets both right, an optional
    harder case follows, reported on its own line: 5 clusters for 3 labels, so the one-to-one
    match leaves 2 clusters over. Two answers count as handled: those clusters take the label
    they overlap most (as :func:`tutorial_lib.align_labels` does), or they get a value that is
    no label (e.g. None); the line then gives the accuracy of both choices. An error raised
    on the harder case is reported, not raised.

    Parameters
    ----------
    func : callable
        ``func(y_true, y_pred) -> aligned`` with two 1-D arrays of the same length (true
        labels, cluster ids); returns an array of shape (n_samples,): y_pred with every
        cluster id replaced by its matched true label.

    Returns
    -------
    bool
        True if func agrees with :func:`tutorial_lib.align_labels` on the two main cases
        (the optional case does not change it).
    """
    passed = _run_check(
        func, _align_cases(), _diagnose_align, "Your clusters get the best matching labels"
    )
    if passed:
        print(_judge_harder_align(func, _harder_align_case()))
    return passed


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
    # Name each blob by where it lies (the learner sees positions, not blob numbers).
    where = [_position_name(X[y == blob].mean(axis=0), X) for blob in range(3)]
    shares = []
    for cluster in np.unique(labels):
        counts = np.bincount(y[labels == cluster], minlength=3)
        blobs = [f"{count} of the {where[blob]} blob" for blob, count in enumerate(counts) if count]
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


def _position_name(point, X):
    """Where a point lies in the picture of X, in words: "top", "bottom-left", "right", ..."""
    low, high = X.min(axis=0), X.max(axis=0)
    share = (point - low) / (high - low)  # 0 at the left/bottom edge, 1 at the right/top
    vertical = "bottom" if share[1] < 1 / 3 else "top" if share[1] > 2 / 3 else ""
    horizontal = "left" if share[0] < 1 / 3 else "right" if share[0] > 2 / 3 else ""
    return "-".join(part for part in (vertical, horizontal) if part) or "middle"


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
    from sklearn.pipeline import make_pipeline

    steps = [StandardScaler()] if scale else []
    model = make_pipeline(*steps, SklearnKMeans(n_clusters=n_clusters, n_init=10,
                                                random_state=seed))
    return split_half_stability(model, X_train, X_test, n_splits=n_pairs, seed=seed)


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


# --------------------------------------------------------------------------------------------
# Shared by the judgement checks (predict, then run, then explain): the learner passes
# predictions, not a function; the check measures on the notebook's own data and compares.
# --------------------------------------------------------------------------------------------


def _unanswered(value):
    """True for the placeholders a judgement stub holds: None or ... (Ellipsis)."""
    return value is None or value is Ellipsis


def _read_predictions(predictions, keys, what):
    """Return the learner's dict of predictions, or print what is missing and return None."""
    example = ", ".join(f"{key!r}: ..." for key in keys)
    if _unanswered(predictions):
        print(f"Not answered yet: fill in {{{example}}} with {what}, then run this cell again.")
        return None
    if not isinstance(predictions, dict):
        print(
            f"Not quite: pass a dict of predictions, {{{example}}}, with {what}; got "
            f"{type(predictions).__name__}."
        )
        return None
    missing = [key for key in keys if key not in predictions]
    if missing:
        print(f"Not quite: no prediction for {', '.join(map(repr, missing))}. Expected keys: "
              f"{', '.join(map(repr, keys))}.")
        return None
    open_ = [key for key in keys if _unanswered(predictions[key])]
    if open_:
        print(f"Not answered yet: replace the ... after {', '.join(map(repr, open_))} with "
              f"{what}, then run this cell again.")
        return None
    return predictions


def _report(rows, n_right, closing):
    """Print one line per prediction, then the tally and what to do next; return all right."""
    width = max(len(row[0]) for row in rows)
    for name, said, measured, right in rows:
        mark = "right" if right else "wrong"
        print(f"  {name:<{width}}  you said {said:<14} measured: {measured}  -> {mark}")
    print(f"{n_right} of {len(rows)} predictions right. {closing}")
    return n_right == len(rows)


# ---- Notebook 04: fitting with scikit-learn ----


def _source_a_scaled():
    """Source A's data as notebooks 04 and 06 prepare it: split with seed 0 (70 % for
    training), scaled with the training part's means and standard deviations."""
    from sklearn.model_selection import train_test_split

    from .datasets import load_blobs_a

    blobs = load_blobs_a()
    X, y = blobs[["x", "y"]].to_numpy(), blobs["label"].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=0.7, random_state=0)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


#: The changes to Source A's settings that check_same_partition measures, as KMeans keywords.
PARTITION_CHANGES = {
    "tol=0.1": {"tol": 0.1},
    "max_iter=2": {"max_iter": 2},
    "n_init=1": {"n_init": 1},
    "random_state=7": {"random_state": 7},
    "init='k-means++'": {"init": "k-means++"},
}


def check_same_partition(predictions):
    """Judge predictions of which KMeans settings change the clustering of notebook 04.

    The reference is Source A's model, ``sklearn.cluster.KMeans(n_clusters=3, init="random",
    n_init=10, max_iter=300, tol=1e-4, random_state=42)`` fitted on Source A's scaled training
    part. Each change in ``PARTITION_CHANGES`` is refitted with that one setting changed and
    compared with the reference by the adjusted Rand index (ARI 1: the same partition, whatever
    the cluster numbers).

    Parameters
    ----------
    predictions : dict of str to bool
        One entry per key of ``PARTITION_CHANGES``: True if you expect the same partition,
        False if you expect another one. None or ... means "not answered yet".

    Returns
    -------
    bool
        True if every prediction was right. Prints the measured ARI and n_iter_ per change.
    """
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score

    keys = list(PARTITION_CHANGES)
    what = "True (same partition) or False (a different one)"
    answers = _read_predictions(predictions, keys, what)
    if answers is None:
        return False
    not_bool = [k for k in keys if not isinstance(answers[k], (bool, np.bool_))]
    if not_bool:
        print(f"Not quite: the predictions for {', '.join(map(repr, not_bool))} should be "
              f"{what}.")
        return False
    Z_train = _source_a_scaled()[0]
    settings = dict(n_clusters=3, init="random", n_init=10, max_iter=300, tol=1e-4,
                    random_state=42)
    reference = KMeans(**settings).fit(Z_train)
    print(f"Measured on Source A's scaled training part ({len(Z_train)} points), each fit "
          f"compared with Source A's settings (n_iter_ {reference.n_iter_}); 'moved' counts "
          "the points in another cluster, once the cluster numbers are matched:")
    rows, n_right, changed = [], 0, []
    for key in keys:
        model = KMeans(**{**settings, **PARTITION_CHANGES[key]}).fit(Z_train)
        moved = _points_moved(reference.labels_, model.labels_)
        same = moved == 0
        if not same:
            changed.append(key)
        ari = adjusted_rand_score(reference.labels_, model.labels_)
        points = "point" if moved == 1 else "points"
        measured = (f"{'same' if same else 'different'}, {moved} {points} moved "
                    f"(ARI {ari:.3f}, n_iter_ {model.n_iter_})")
        said = "same" if answers[key] else "different"
        right = bool(answers[key]) == same
        n_right += right
        rows.append((key, said, measured, right))
    if not changed:
        question = "Why did none of them change the partition?"
    elif len(changed) == len(keys):
        question = "Why did every one of them change the partition?"
    else:
        question = f"Why did only {' and '.join(changed)} change the partition?"
    explain = ("Answer that, and explain each line you got wrong, in sentences of your own in a "
               "new cell." if n_right < len(rows) else "Answer in a sentence of your own.")
    return _report(
        rows, n_right,
        f"tol and max_iter decide when a run stops; n_init, random_state and init decide where "
        f"it starts. {question} {explain}",
    )


def _points_moved(reference, labels):
    """How many points are in another cluster than in the reference partition, once the
    cluster numbers are matched one-to-one so that as many points as possible agree."""
    counts = _confusion(reference, labels)[2]
    rows, cols = linear_sum_assignment(counts, maximize=True)
    return int(len(reference) - counts[rows, cols].sum())


def _best_run_cases():
    X1, _ = make_blobs(n_samples=60, centers=4, cluster_std=1.0, random_state=3)
    X2, _ = make_blobs(n_samples=60, centers=4, cluster_std=1.0, random_state=2)
    return [
        _Case("60 points, 4 clusters, seeds [0, 1, 4, 2]",
              {"X": X1, "n_clusters": 4, "seeds": [0, 1, 4, 2]}),
        _Case("60 points, 4 clusters, seeds [1, 0, 5]",
              {"X": X2, "n_clusters": 4, "seeds": [1, 0, 5]}),
    ]


def _diagnose_best_run(result, X, n_clusters, seeds):
    from sklearn.cluster import KMeans

    runs = [
        KMeans(n_clusters=n_clusters, init="random", n_init=1, random_state=seed).fit(X).inertia_
        for seed in seeds
    ]
    best = min(runs)
    if _as_number(result) is not None:
        return (
            "you returned a number. Return the fitted model itself (the one whose inertia_ is "
            "the lowest), so that its labels_ and cluster_centers_ can be used."
        )
    inertia = getattr(result, "inertia_", None)
    centers = getattr(result, "cluster_centers_", None)
    if inertia is None or centers is None:
        return (
            f"return a fitted KMeans model; your function returned {type(result).__name__}, "
            "which has no inertia_ or cluster_centers_."
        )
    if np.shape(centers) != (n_clusters, X.shape[1]):
        return (
            f"the model has centres of shape {np.shape(centers)}; fit n_clusters={n_clusters} "
            "clusters on X."
        )
    init = getattr(result, "init", "random")  # a model without init: nothing to check
    if not (isinstance(init, str) and init == "random"):
        used = f"init={init!r}" if isinstance(init, str) else "an array of starting centres"
        if isinstance(init, str) and init == "k-means++":
            used += ", what KMeans uses when init is left out"
        return (
            f"your model was fitted with {used}. The exercise asks for random starts: fit "
            "KMeans(n_clusters=n_clusters, init='random', n_init=1, random_state=seed) for "
            "each seed."
        )
    n_init = getattr(result, "n_init", 1)
    if not (isinstance(n_init, (int, np.integer)) and n_init == 1):
        return (
            f"your model was fitted with n_init={n_init!r}: then KMeans itself keeps the best "
            "of several runs, the very thing to do by hand here. Fit KMeans(..., init='random', "
            "n_init=1, random_state=seed) for each seed and compare their inertia_."
        )
    inertia = float(inertia)
    if _close(inertia, best):
        return None
    if inertia < best - 1e-6 * best:
        return (
            f"your model's WCSS ({inertia:.2f}) is lower than that of every single run with "
            f"these seeds (best {best:.2f}): fit one run per seed, KMeans(n_clusters, "
            "init='random', n_init=1, random_state=seed), and keep the best of those."
        )
    if _close(inertia, max(runs)):
        return (
            f"you kept the run with the highest WCSS ({inertia:.2f}). The best run is the one "
            f"with the lowest inertia_ ({best:.2f})."
        )
    if _close(inertia, runs[-1]):
        return "you returned the last run fitted; compare inertia_ and keep the lowest."
    if _close(inertia, runs[0]):
        return "you returned the first run; compare every run's inertia_ and keep the lowest."
    return (
        f"your model's WCSS is {inertia:.2f}, but the best of the runs with these seeds reaches "
        f"{best:.2f}: fit one run per seed (init='random', n_init=1) and keep the lowest inertia_."
    )


def check_best_run(func):
    """Check a learner's "best of several runs", what KMeans does with n_init.

    Parameters
    ----------
    func : callable
        ``func(X, n_clusters, seeds) -> model``: fits
        ``sklearn.cluster.KMeans(n_clusters=n_clusters, init="random", n_init=1,
        random_state=seed)`` once per seed and returns the fitted model with the lowest
        ``inertia_``.

    Returns
    -------
    bool
        True if the returned model's WCSS is the lowest of the runs on every case.
    """
    return _run_check(
        func, _best_run_cases(), _diagnose_best_run, "You keep the run with the lowest WCSS"
    )


# ---- Notebook 05: choosing k ----

#: The ranges of k that check_knee_range measures (notebook 05 shows k = 1..10 in the text).
KNEE_RANGES = {"k = 1..20": range(1, 21), "k = 3..10": range(3, 11)}


def check_knee_range(predictions):
    """Judge predictions of where the knee falls when the range of k changes (notebook 05).

    Measured on ``make_grid_blobs()`` standardised, with ``sklearn.cluster.KMeans(n_clusters=k,
    n_init=3, random_state=0)`` for each k and the knee rule of ``find_knee``.

    Parameters
    ----------
    predictions : dict of str to int
        One entry per key of ``KNEE_RANGES``: the k you expect the knee rule to pick when
        only that range of k is tried. None or ... means "not answered yet".

    Returns
    -------
    bool
        True if every prediction was right. Prints the knee for each range.
    """
    from sklearn.cluster import KMeans

    from .datasets import make_grid_blobs

    keys = list(KNEE_RANGES)
    what = "the k you expect the knee rule to pick"
    answers = _read_predictions(predictions, keys, what)
    if answers is None:
        return False
    bad = [k for k in keys if _as_number(answers[k]) is None]
    if bad:
        print(f"Not quite: the predictions for {', '.join(map(repr, bad))} should be whole "
              "numbers (a k).")
        return False
    data = make_grid_blobs()
    Z = StandardScaler().fit_transform(data[["x", "y"]].to_numpy())
    inertia = {k: KMeans(n_clusters=k, n_init=3, random_state=0).fit(Z).inertia_
               for k in range(1, 21)}

    def knee(ks):
        return find_knee(list(ks), [inertia[k] for k in ks])

    print(f"Measured on the six grid blobs ({len(Z)} points, standardised; the knee for "
          f"k = 1..10 is {knee(range(1, 11))}):")
    rows, n_right = [], 0
    for key in keys:
        measured_k = knee(KNEE_RANGES[key])
        right = _as_number(answers[key]) == measured_k
        n_right += right
        rows.append((key, f"k = {_plain(answers[key])}", f"knee at k = {measured_k}", right))
    return _report(
        rows, n_right,
        "Now explain in a sentence why the same data give another knee when only the range "
        "of k changes, and what that means for an elbow read off one plot.",
    )


# ---- Notebook 06: predicting and evaluating ----

#: The numbers of random clusters that check_chance_scores compares with the true labels.
CHANCE_KS = (3, 10, 30)
TRENDS = ("rises", "stays near 0", "falls")


def _trend(values):
    if np.all(np.abs(values) < 0.05):
        return "stays near 0"
    if values[-1] - values[0] > 0.05:
        return "rises"
    if values[-1] - values[0] < -0.05:
        return "falls"
    return "stays the same"


def check_chance_scores(predictions, y_true=None):
    """Judge predictions of how NMI and AMI score random cluster ids (notebook 06).

    Random cluster ids (k = 3, 10 and 30 clusters, 10 draws each, seed 0) are compared with
    the true labels ``y_true`` by ``normalized_mutual_info_score`` and
    ``adjusted_mutual_info_score``; the means show how each score behaves when nothing was
    learned.

    Parameters
    ----------
    predictions : dict
        ``{"NMI": trend, "AMI": trend}``, each trend one of "rises", "stays near 0" or
        "falls": what the score does as the number of random clusters grows. None or ...
        means "not answered yet".
    y_true : array-like of shape (n_samples,), optional
        The true labels to compare with: notebook 06 passes its test labels. Default: the
        labels of Source A's test part (120 points, split seed 0), the same ones.

    Returns
    -------
    bool
        True if both predictions were right. Prints the measured means.
    """
    from sklearn.metrics import adjusted_mutual_info_score, normalized_mutual_info_score

    keys = ["NMI", "AMI"]
    what = "one of " + ", ".join(map(repr, TRENDS))
    answers = _read_predictions(predictions, keys, what)
    if answers is None:
        return False
    bad = [k for k in keys if answers[k] not in TRENDS]
    if bad:
        print(f"Not quite: the predictions for {', '.join(map(repr, bad))} should be {what}.")
        return False
    y_test = _source_a_scaled()[3] if y_true is None else check_labels(y_true, "y_true")
    rng = np.random.default_rng(0)
    scores = {"NMI": [], "AMI": []}
    for k in CHANCE_KS:
        draws = [rng.integers(0, k, size=len(y_test)) for _ in range(10)]
        scores["NMI"].append(np.mean([normalized_mutual_info_score(y_test, d) for d in draws]))
        scores["AMI"].append(np.mean([adjusted_mutual_info_score(y_test, d) for d in draws]))
    print(f"Random cluster ids against the {len(y_test)} true test labels, mean of 10 draws "
          f"for k = {', '.join(map(str, CHANCE_KS))} clusters:")
    rows, n_right = [], 0
    for key in keys:
        values = np.array(scores[key])
        trend = _trend(values)
        right = answers[key] == trend
        n_right += right
        shown = ", ".join(f"{v:.3f}".replace("-0.000", "0.000") for v in values)
        rows.append((key, answers[key], f"{shown} ({trend})", right))
    return _report(
        rows, n_right,
        "Now explain in a sentence why a score that is not corrected for chance rewards "
        "more clusters, even random ones.",
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



# --------------------------------------------------------------------------------------------
# ---- Notebook 11: Make k-means fast ----
# --------------------------------------------------------------------------------------------
# check_expansion: squared distances from the expansion ||x||^2 - 2 x.c + ||c||^2, without an
# (n_samples, n_clusters, n_features) array. check_speedup_prediction: which step of the
# notebook's ladder helps most, predicted and then compared with the learner's own timings.


def _expansion_cases():
    X1 = np.array([[1.0, 1.0], [9.0, -1.0], [4.0, 0.0], [0.0, 0.0], [10.0, 0.0]])
    centers1 = np.array([[0.0, 0.0], [10.0, 0.0]])
    rng = np.random.default_rng(11)
    X2 = rng.normal(loc=3.0, scale=2.0, size=(9, 4))
    centers2 = rng.normal(loc=3.0, scale=2.0, size=(3, 4))
    # Big enough that an (n, k, d) array (about 38 MB) stands out against the (n, k) result
    # (0.6 MB); small enough to take a few milliseconds with the expansion.
    X3 = rng.normal(size=(2000, 60))
    centers3 = rng.normal(size=(40, 60))
    return [
        _Case(
            "five 2-D points, two centres (two points sit exactly on a centre)",
            {"X": X1, "centers": centers1},
        ),
        _Case("nine points, three centres, four features", {"X": X2, "centers": centers2}),
        _Case("2000 points, 40 centres, 60 features", {"X": X3, "centers": centers3}),
    ]


def _expansion_terms(X, centers):
    """The three terms of the expansion: ||x||^2 (column), x.c (table), ||c||^2 (row)."""
    x_sq = (X**2).sum(axis=1)[:, np.newaxis]
    cross = X @ centers.T
    c_sq = (centers**2).sum(axis=1)[np.newaxis, :]
    return x_sq, cross, c_sq


def _diagnose_expansion(result, X, centers, peak_bytes):
    n, k = X.shape[0], centers.shape[0]
    expected = cdist(X, centers, metric="sqeuclidean")
    arr = np.asarray(result)
    if arr.dtype.kind not in "iuf":
        return f"return an array of numbers, shape ({n}, {k}); got dtype {arr.dtype}."
    arr = arr.astype(float)
    if arr.shape == (k, n) and n != k:
        return (
            f"the result is transposed: shape ({k}, {n}). Row i must hold the squared "
            f"distances from point i to every centre, shape ({n}, {k}): X @ centers.T, not "
            "centers @ X.T."
        )
    if arr.shape != (n, k):
        return (
            f"the result should have one row per point and one column per centre, shape "
            f"({n}, {k}); got {arr.shape}."
        )
    x_sq, cross, c_sq = _expansion_terms(X, centers)
    # Rounding in the expansion is relative to the size of the terms, not of the distance.
    atol = 1e-9 * (1.0 + float(x_sq.max()) + float(c_sq.max()))
    close = lambda a, b: bool(np.allclose(a, b, rtol=1e-7, atol=atol))  # noqa: E731
    if close(arr, expected):
        result_bytes = n * k * 8
        # A few (n, k) tables and a copy of X are fine; an (n, k, d) array is d times more.
        allowed = max(4 * (result_bytes + X.nbytes + centers.nbytes), 2**20)
        if peak_bytes is not None and peak_bytes > allowed:
            return (
                f"the numbers are right, but your function needed {peak_bytes / 2**20:.0f} MB "
                f"of memory for a result of {result_bytes / 2**20:.1f} MB: it seems to build "
                "the (n_samples, n_clusters, n_features) array of differences. Use the "
                "expansion instead: one matrix product X @ centers.T gives every x.c at once."
            )
        return None
    if close(arr, np.sqrt(expected)):
        return (
            "these are the distances; the exercise asks for the *squared* distances (no "
            "square root): ||x||^2 - 2 x.c + ||c||^2."
        )
    if close(arr, expected - x_sq):
        return (
            "you left out ||x||^2. That is fine for argmin (the notebook does it from the "
            "'argmin in place' step on), but here the result must be the squared distances "
            "themselves: add (X ** 2).sum(axis=1) as a column, [:, None]."
        )
    if close(arr, expected - c_sq):
        return "you left out ||c||^2, the squared length of each centre (one per column)."
    if close(arr, x_sq + c_sq - cross):
        return "the cross term is -2 x.c: multiply the matrix product by 2."
    if close(arr, x_sq + c_sq + 2 * cross):
        return "the sign of the cross term is wrong: it is *minus* 2 x.c."
    i, j = np.unravel_index(np.argmax(np.abs(arr - expected)), expected.shape)
    return (
        f"entry [{i}, {j}] (point {i}, centre {j}) should be {expected[i, j]:.6g}, the squared "
        f"distance, but yours is {arr[i, j]:.6g}."
    )


def check_expansion(func):
    """Check a learner's squared distances written with the expansion.

    Parameters
    ----------
    func : callable
        ``func(X, centers) -> ndarray of shape (n_samples, n_clusters)``, entry [i, j] the
        squared distance from point X[i] to centre centers[j], computed as
        ||x||^2 - 2 x.c + ||c||^2 (one matrix product), never through an
        (n_samples, n_clusters, n_features) array of differences.

    Returns
    -------
    bool
        True if func agrees with ``scipy.spatial.distance.cdist(X, centers, "sqeuclidean")``
        on every case and its peak memory stays close to the size of the result.
    """
    import tracemalloc  # here, not at the top: only this check needs it

    if not callable(func):
        return _run_check(func, [], None, "")  # raises the machinery's "pass your function"
    peaks = []

    def traced(X, centers):
        # tracemalloc sees numpy's arrays: the peak tells a (n, k, d) array from (n, k) ones.
        already = tracemalloc.is_tracing()
        if already:
            tracemalloc.reset_peak()
        else:
            tracemalloc.start()
        try:
            return func(X, centers)
        except NotImplementedError:
            return None  # the stub of the exercise: "not answered yet", not a crash
        finally:
            peaks.append(tracemalloc.get_traced_memory()[1])
            if not already:
                tracemalloc.stop()

    def diagnose(result, X, centers):
        return _diagnose_expansion(result, X, centers, peaks[-1] if peaks else None)

    return _run_check(
        traced, _expansion_cases(), diagnose, "Your expansion gives the squared distances"
    )


def _biggest_gains(steps):
    """{step: speed-up over the step before} from {step: seconds}, in the ladder's order."""
    names, seconds = list(steps), [float(s) for s in steps.values()]
    return {names[i]: seconds[i - 1] / seconds[i] for i in range(1, len(names))}


_CLOSE_CALL = 0.85  # a predicted step within 15 % of the biggest gain counts as right


def _diagnose_prediction(result, timings):
    prediction = result
    wrong = []
    for d, steps in timings.items():
        gains = _biggest_gains(steps)
        best = max(gains, key=gains.get)
        guess = prediction[d]
        if gains[guess] >= _CLOSE_CALL * gains[best]:
            continue
        wrong.append(
            f"at d={d} you predicted '{guess}' (x{gains[guess]:.1f} over the step before), "
            f"but '{best}' helped most on your machine (x{gains[best]:.1f})"
        )
    if not wrong:
        return None
    return (
        "; ".join(wrong)
        + ". Ask what each step removes and how that cost grows: the expansion removes the "
        "(n, k, d) array of differences, which grows with d; the one-pass update removes the "
        "loop over the k clusters (a mask, a selection and a mean each), which hardly depends "
        "on d."
    )


def check_speedup_prediction(prediction, timings):
    """Check a prediction of which step of notebook 11 helps most, against measured timings.

    Parameters
    ----------
    prediction : dict
        ``{n_features: step name}``, one entry per number of features in ``timings``: the
        step you expect to give the biggest speed-up over the step before it. ``None`` (or
        ``...``) as the whole answer or as a value means "not answered yet".
    timings : dict
        ``{n_features: {step name: seconds}}``, each inner dict in the order of the steps, the
        first one being the baseline (as measured in the notebook).

    Returns
    -------
    bool
        True if, for every number of features, the predicted step's speed-up is the biggest
        measured, or within 15 % of it (timings are noisy: a close call counts as right).
    """
    if (
        not isinstance(timings, dict)
        or not timings
        or not all(isinstance(steps, dict) and len(steps) >= 2 for steps in timings.values())
    ):
        raise TypeError(
            "timings must be the dict measured in the notebook, {n_features: {step name: "
            f"seconds}}, with at least two steps per entry; got {type(timings).__name__}."
        )
    choices = list(next(iter(timings.values())))[1:]
    if prediction is None or prediction is Ellipsis:
        print(
            f"Not answered yet: set prediction to a dict {{n_features: step}} for "
            f"n_features in {list(timings)}, each step one of {choices}."
        )
        return False
    if not isinstance(prediction, dict):
        print(
            f"Not quite: prediction should be a dict {{n_features: step}}, e.g. "
            f"{{{list(timings)[0]}: {choices[0]!r}, ...}}; got {type(prediction).__name__}."
        )
        return False
    missing = [d for d in timings if d not in prediction]
    unanswered = [d for d in timings if d in prediction and _not_answered_value(prediction[d])]
    if missing or unanswered:
        print(
            f"Not answered yet: predict a step for n_features = "
            f"{', '.join(map(str, missing + unanswered))}; choose from {choices}."
        )
        return False
    for d in timings:
        if prediction[d] not in list(timings[d])[1:]:
            print(
                f"Not quite: {prediction[d]!r} (for n_features={d}) is not one of the steps "
                f"to choose from: {choices} (spelled exactly so)."
            )
            return False
    cases = [
        _Case(f"n_features={d}, against the timings you measured", {"timings": {d: steps}})
        for d, steps in timings.items()
    ]
    return _run_check(
        lambda timings: dict(prediction),
        cases,
        _diagnose_prediction,
        "Your prediction matches what you measured",
    )


def _not_answered_value(value):
    return value is None or value is Ellipsis



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
