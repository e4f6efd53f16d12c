"""Input checks shared by every public function: clear errors that name the problem.

Each check returns a validated array (never the caller's array modified in place) or raises
a ValueError/TypeError whose message says what is wrong and, where it helps, what to do.
scikit-learn's ``check_array`` does the numeric work; the wrappers here give messages
written for learners.
"""

from numbers import Integral

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype
from scipy import sparse
from sklearn.utils import check_array
from sklearn.utils import check_random_state as _sklearn_random_state

__all__ = [
    "check_matrix",
    "check_centers",
    "check_labels",
    "check_n_clusters",
    "check_option",
    "check_random_state",
    "check_scale",
    "check_cluster_indices",
    "check_count",
]


def _text_example(X):
    """Return the first value in X that is not a number, or None."""
    arr = np.asarray(X, dtype=object).ravel()
    for value in arr:
        if isinstance(value, (str, bytes)):
            try:
                float(value)
            except ValueError:
                return value
    return None


def _is_ragged(X):
    """True for nested lists whose rows differ in length (numpy refuses them)."""
    try:
        np.asarray(X)
    except ValueError:
        return True
    return False


def check_matrix(X, name="X", *, shape_name="(n_samples, n_features)"):
    """Validate a data matrix and return it as a float array.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Numbers only; a pandas DataFrame is fine. At least one row and one column.
    name : str
        The argument's name, used in error messages.
    shape_name : str
        The expected shape, in words, for the error messages.

    Returns
    -------
    ndarray of shape (n_samples, n_features), dtype float64 (float32 is kept)

    Raises
    ------
    TypeError
        If X holds text or other non-numbers.
    ValueError
        If X is not 2-D, is empty (no rows or no columns), or holds NaN or infinity.
    """
    if X is None:
        raise TypeError(f"{name} is None; pass an array of shape {shape_name}.")
    if sparse.issparse(X):
        raise TypeError(
            f"{name} is a sparse matrix, but dense data is needed here; use {name}.toarray()."
        )
    if (
        type(X) is np.ndarray
        and X.dtype in (np.float64, np.float32)
        and X.ndim == 2
        and X.size > 0
        and np.isfinite(X).all()
    ):
        # Fast path (about 30 us saved per call): a non-empty 2-D float array of finite
        # numbers passes every check below unchanged.
        return X
    if not hasattr(X, "shape"):  # a list, or another array-like: look at it as an array
        if _is_ragged(X):
            raise ValueError(
                f"{name} has rows of different lengths; every sample needs the same number "
                "of features."
            )
        X = np.asarray(X)
    dims = len(X.shape)
    # "(n_samples, n_features)" -> "sample", "feature": what one row and one column are
    row, column = (part.strip()[2:-1] for part in shape_name.strip("()").split(","))
    if 0 in X.shape:
        what = row if X.shape[0] == 0 else column
        # the wording of scikit-learn's own message (its estimator checks look for it)
        raise ValueError(
            f"{name} is empty: found 0 {what}(s) (shape={tuple(X.shape)}) while a minimum "
            f"of 1 is required. Pass an array of shape {shape_name}."
        )
    if dims != 2:
        shape = X.shape
        hint = (
            f" Reshape your data: {name}.reshape(-1, 1) for a single {column}, "
            f"{name}.reshape(1, -1) for a single {row}."
            if dims == 1
            else ""
        )
        raise ValueError(
            f"{name} must be a 2-D array of shape {shape_name}; "
            f"got a {dims}-D input of shape {tuple(shape)}.{hint}"
        )
    example = None
    kind = getattr(getattr(X, "dtype", None), "kind", None)
    if kind in ("U", "S", "O") or (kind is None and not hasattr(X, "dtypes")):
        example = _text_example(X)
    elif hasattr(X, "dtypes"):  # a DataFrame: look only at its non-numeric columns
        text_cols = [c for c, t in X.dtypes.items() if not is_numeric_dtype(t)]
        if text_cols:
            example = _text_example(X[text_cols].to_numpy(dtype=object))
    if example is not None:
        raise TypeError(
            f"{name} must hold numbers only, but it holds text such as {example!r}. "
            "k-means measures distances, so encode or drop non-numeric columns first."
        )
    try:
        arr = check_array(
            X,
            dtype=[np.float64, np.float32],
            ensure_all_finite=False,
            input_name=name,
            copy=False,
        )
    except TypeError as exc:  # e.g. a dict inside an object array
        raise TypeError(f"{name} must hold numbers only: {exc}") from None
    finite = np.isfinite(arr)
    if not finite.all():
        n_nan = int(np.isnan(arr).sum())
        n_inf = int((~finite).sum()) - n_nan
        row = int(np.argwhere(~finite)[0, 0])
        raise ValueError(
            f"{name} contains {n_nan} NaN and {n_inf} infinite (inf) value(s), the first in "
            f"row {row}. k-means cannot measure distances to missing or infinite values: "
            "drop those rows or fill them in (impute) first."
        )
    return arr


def check_centers(centers, n_features, n_clusters=None, name="centers"):
    """Validate an array of cluster centres: numbers, 2-D, one column per feature of X.

    If ``n_clusters`` is given, there must be exactly that many rows.
    """
    centers = check_matrix(centers, name, shape_name="(n_clusters, n_features)")
    rows = centers.shape[0] if n_clusters is None else n_clusters
    if centers.shape != (rows, n_features):
        raise ValueError(
            f"{name} has shape {centers.shape}, but it must be (n_clusters, n_features) = "
            f"{(rows, n_features)}: one row per cluster, one column per feature of X "
            f"({centers.shape[1]} features here, {n_features} in X)."
        )
    return centers


def check_labels(labels, name="labels", *, n_samples=None):
    """Validate a 1-D array of labels (any hashable values) and return it as an ndarray.

    If ``n_samples`` is given, the length must match it.
    """
    if labels is None:
        raise TypeError(f"{name} is None; pass one label per sample.")
    arr = np.asarray(labels)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one label per sample); got shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: it needs one label per sample.")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or infinity; every sample needs a label.")
    if arr.dtype.kind == "O" and pd.isna(arr).any():
        raise ValueError(
            f"{name} has missing values (None or NaN), the first at position "
            f"{int(np.flatnonzero(pd.isna(arr))[0])}; every sample needs a label."
        )
    if n_samples is not None and arr.shape[0] != n_samples:
        raise ValueError(
            f"{name} has {arr.shape[0]} entries but there are {n_samples} samples; "
            "they must have the same length."
        )
    return arr


def check_n_clusters(n_clusters, n_samples=None, name="n_clusters"):
    """Check that the number of clusters is a whole number >= 1 and <= n_samples."""
    if isinstance(n_clusters, bool) or not isinstance(n_clusters, Integral):
        raise TypeError(f"{name} must be a whole number >= 1; got {n_clusters!r}.")
    if n_clusters < 1:
        raise ValueError(f"{name}={n_clusters} is not allowed: there must be at least 1 cluster.")
    if n_samples is not None and n_samples < n_clusters:
        raise ValueError(
            f"n_samples={n_samples} should be >= {name}={n_clusters}: "
            "each cluster needs at least one sample."
        )
    return int(n_clusters)


def check_option(value, name, options):
    """Check that value is one of options, or raise a ValueError listing them."""
    if not isinstance(value, str) or value not in options:
        listed = ", ".join(repr(o) for o in options)
        raise ValueError(f"{name}={value!r} is not a known option; choose one of {listed}.")
    return value


_SEED_TYPES = "None, a whole number from 0 to 2**32 - 1, or a np.random.RandomState"


def check_random_state(random_state, name="random_state"):
    """Turn a seed into a np.random.RandomState, as scikit-learn does, with messages that name
    the parameter.

    None (numpy's global random state), a whole number from 0 to 2**32 - 1, or a RandomState
    are accepted; a ``np.random.Generator`` is not (scikit-learn's estimators do not take one).
    """
    if isinstance(random_state, np.random.Generator):
        raise TypeError(
            f"{name} must be {_SEED_TYPES}; got a np.random.Generator, which scikit-learn's "
            f"random_state does not take. Pass a whole number as the seed, e.g. {name}=0."
        )
    if isinstance(random_state, Integral) and not 0 <= random_state <= 2**32 - 1:
        raise ValueError(f"{name} must be {_SEED_TYPES}; got {random_state!r}, outside that range.")
    if not (random_state is None or isinstance(random_state, (Integral, np.random.RandomState))):
        raise TypeError(f"{name} must be {_SEED_TYPES}; got {random_state!r}.")
    return _sklearn_random_state(random_state)


def check_scale(X, name="X"):
    """Refuse data whose points are so close together that their squared distances underflow.

    Below about 1e-154 (1e-19 in float32), squares of differences fall under the smallest
    normal float and lose their digits; below about 1e-162 they become exactly 0, and every
    point looks equally far from every centre.
    """
    spread = float(np.max(X.max(axis=0) - X.min(axis=0)))  # the largest range of a feature
    tiny = np.finfo(X.dtype).tiny  # the smallest normal number of X's float type
    if 0 < spread and spread**2 < tiny:
        raise ValueError(
            f"{name} is too small in scale: its features span at most {spread:.3g}, so squared "
            f"distances (about {spread**2:.3g}) underflow below the smallest {X.dtype} number "
            f"({tiny:.3g}) and points cannot be told apart. Rescale {name} first, e.g. with "
            "sklearn.preprocessing.StandardScaler, or multiply it by a large constant."
        )
    return X


def check_cluster_indices(labels, n_clusters, *, n_samples, name="labels"):
    """Validate labels that index clusters: whole numbers from 0 to n_clusters - 1."""
    labels = check_labels(labels, name, n_samples=n_samples)
    if labels.dtype.kind not in "iu":  # floats, text, booleans: not cluster indices
        raise ValueError(
            f"{name} must be whole numbers (cluster indices from 0 to n_clusters - 1 = "
            f"{n_clusters - 1}); got dtype {labels.dtype}, e.g. {labels[:1].tolist()[0]!r}."
        )
    if labels.min() < 0 or labels.max() >= n_clusters:
        raise ValueError(
            f"{name} must be whole numbers from 0 to n_clusters - 1 = {n_clusters - 1}; "
            f"got values from {labels.min()} to {labels.max()}."
        )
    return labels


def check_count(value, name, *, also=""):
    """Check that value is a whole number >= 1 (``also`` names other accepted values)."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value < 1:
        raise ValueError(f"{name} must be {also}a whole number >= 1; got {value!r}.")
    return int(value)
