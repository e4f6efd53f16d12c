"""Tests of tutorial_lib._kmeans against scikit-learn (the reference) and by properties.

Reference values come from scikit-learn or from brute-force numpy written here, never from
tutorial_lib's own output.
"""

import doctest
import warnings
from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from scipy.stats import chisquare
from sklearn.cluster import KMeans as SkKMeans
from sklearn.cluster import kmeans_plusplus as sk_kmeans_plusplus
from sklearn.datasets import make_blobs
from sklearn.exceptions import ConvergenceWarning, NotFittedError
from threadpoolctl import threadpool_info, threadpool_limits

from tutorial_lib import (
    KMeans,
    _estimator,
    _fast,
    _kmeans,
    assign_labels,
    kmeans_plusplus,
    update_centers,
)

# --------------------------------------------------------------------------------------------
# Data: blobs in 2 and 10 dimensions, and the two source tutorials' data (as in the API
# contract for tutorial_lib.datasets, built here so the tests do not depend on that module).
# --------------------------------------------------------------------------------------------

DATASETS = {
    "blobs_2d": (lambda: make_blobs(300, n_features=2, centers=4, random_state=0)[0], 4),
    "blobs_10d": (lambda: make_blobs(300, n_features=10, centers=5, random_state=1)[0], 5),
    "source_a": (
        lambda: make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)[0],
        3,
    ),
    "source_b": (
        lambda: make_blobs(
            n_samples=500, centers=[[1, 1], [-1, -1], [1, -1]], cluster_std=0.4, random_state=0
        )[0],
        3,
    ),
}
DTYPES = [np.float64, np.float32]


def load(name, dtype=np.float64):
    make, k = DATASETS[name]
    return make().astype(dtype), k


def tolerances(dtype):
    """(rtol for centres and inertia, atol for centres) suited to the dtype."""
    return (1e-10, 1e-10) if dtype == np.float64 else (1e-4, 1e-4)


def sk_lloyd(X, k, init, **params):
    n_init = 1 if not isinstance(init, str) else params.pop("n_init", 10)
    return SkKMeans(k, init=init, n_init=n_init, algorithm="lloyd", **params).fit(X)


def brute_sq_distances(X, centers):
    """(n, k) squared distances, the obvious way (fine for the small data of the tests)."""
    X, centers = np.asarray(X, dtype=float), np.asarray(centers, dtype=float)
    return ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)


# --------------------------------------------------------------------------------------------
# Same results as scikit-learn from the same start
# --------------------------------------------------------------------------------------------


def starts(X, k):
    """Starting centres: sklearn's k-means++ pick, and a poor start (the first k rows)."""
    plusplus, _ = sk_kmeans_plusplus(X, k, random_state=0)
    return {"plusplus": plusplus, "first_rows": X[:k].copy()}


@pytest.mark.parametrize("implementation", ["readable", "fast"])
@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("start", ["plusplus", "first_rows"])
@pytest.mark.parametrize(
    "params",
    [{}, {"tol": 0.0}, {"tol": 0.05}, {"max_iter": 2}],
    ids=["default", "tol0", "tol0.05", "max_iter2"],
)
def test_same_as_sklearn_from_same_start(name, dtype, start, params, implementation):
    X, k = load(name, dtype)
    init = starts(X, k)[start]
    ours = KMeans(k, init=init, n_init=1, implementation=implementation, **params).fit(X)
    ref = sk_lloyd(X, k, init, **params)
    rtol, atol = tolerances(dtype)
    assert ours.n_iter_ == ref.n_iter_
    assert_array_equal(ours.labels_, ref.labels_)
    assert_allclose(ours.cluster_centers_, ref.cluster_centers_, rtol=rtol, atol=atol)
    assert ours.inertia_ == pytest.approx(ref.inertia_, rel=rtol)
    assert ours.cluster_centers_.dtype == ref.cluster_centers_.dtype == dtype


def fit_both(X, k, **params):
    """The same fit with the readable and the fast implementation."""
    return [KMeans(k, implementation=impl, **params).fit(X) for impl in ("readable", "fast")]


def assert_same_fit(readable, fast):
    """Same labels, centres (to the last bit) and iterations; inertia up to rounding (the
    squared distances are added up in another order)."""
    assert readable.n_iter_ == fast.n_iter_
    assert_array_equal(readable.labels_, fast.labels_)
    assert_array_equal(readable.cluster_centers_, fast.cluster_centers_)
    assert readable.inertia_ == pytest.approx(fast.inertia_, rel=1e-12)
    assert len(readable.history_) == len(fast.history_)
    for a, b in zip(readable.history_, fast.history_, strict=True):
        assert a["iteration"] == b["iteration"]
        assert a["labels"].dtype == b["labels"].dtype == np.int32
        assert_array_equal(a["labels"], b["labels"])
        assert_array_equal(a["centers"], b["centers"])
        assert a["inertia"] == pytest.approx(b["inertia"], rel=1e-12)


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("init", ["k-means++", "random"])
def test_readable_and_fast_give_the_same_fit(name, dtype, init):
    X, k = load(name, dtype)
    assert_same_fit(*fit_both(X, k, init=init, n_init=3, random_state=0))


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_readable_and_fast_give_the_same_fit_with_one_feature(dtype):
    X = np.random.RandomState(3).normal(size=(2000, 1)).astype(dtype)
    assert_same_fit(*fit_both(X, 7, n_init=2, random_state=0))


def test_readable_and_fast_agree_with_empty_clusters_and_big_data():
    # A start with k - 1 centres far away empties clusters (re-seeding is compared), and data
    # big enough for several blocks of rows and many features (the sparse update).
    X = np.random.RandomState(0).normal(size=(3000, 12))
    init = np.vstack([X[:2], np.full((3, 12), 50.0)])
    readable, fast = fit_both(X, 5, init=init, n_init=1)
    assert_same_fit(readable, fast)
    assert np.unique(readable.history_[0]["labels"]).size < 5  # clusters were empty


def test_auto_picks_the_readable_code_for_small_data_and_the_fast_for_big(monkeypatch):
    calls = []
    for module, name in [(_kmeans, "readable"), (_fast, "fast")]:
        original = module.lloyd
        monkeypatch.setattr(
            module,
            "lloyd",
            lambda *a, _f=original, _n=name, **kw: calls.append(_n) or _f(*a, **kw),
        )
    rng = np.random.RandomState(0)
    KMeans(3, n_init=1, random_state=0).fit(rng.uniform(size=(1000, 2)))  # 6,000 < 2**18
    KMeans(8, n_init=1, max_iter=2, random_state=0).fit(rng.uniform(size=(4096, 8)))  # = 2**18
    KMeans(3, n_init=1, random_state=0, implementation="fast").fit(rng.uniform(size=(50, 2)))
    KMeans(8, n_init=1, max_iter=2, implementation="readable").fit(rng.uniform(size=(4096, 8)))
    assert calls == ["readable", "fast", "fast", "readable"]
    with pytest.raises(ValueError, match="implementation='quick' is not a known option"):
        KMeans(3, implementation="quick").fit(rng.uniform(size=(50, 2)))


def test_the_stopping_paths_are_all_exercised():
    """Guard for the test above: the tol and max_iter cases stop earlier than strict
    convergence (labels unchanged), so each stopping rule is compared with sklearn."""
    X, k = load("source_a")
    init = X[:k].copy()
    strict = sk_lloyd(X, k, init, tol=0.0).n_iter_
    assert sk_lloyd(X, k, init, tol=0.05).n_iter_ < strict
    assert sk_lloyd(X, k, init, max_iter=2).n_iter_ == 2 < strict


@pytest.mark.parametrize("tol", [1e-4, 1e-3, 1e-2, 3e-2, 1e-1])
def test_tol_is_scaled_like_sklearn(tol):
    """Data with large feature variances: a wrongly scaled tol would stop at another iteration."""
    X, k = load("source_a")
    X = X * [1000.0, 0.01]
    init = X[:k].copy()
    assert KMeans(k, init=init, tol=tol).fit(X).n_iter_ == sk_lloyd(X, k, init, tol=tol).n_iter_


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("name", DATASETS)
def test_kmeans_plusplus_with_restarts_within_1_percent_of_sklearn(name, dtype):
    X, k = load(name, dtype)
    ours = KMeans(k, n_init=10, random_state=0).fit(X)
    ref = SkKMeans(k, n_init=10, random_state=0, algorithm="lloyd").fit(X)
    assert ours.inertia_ == pytest.approx(ref.inertia_, rel=0.01)
    assert ours.n_init_inertias_.shape == (10,)


@pytest.mark.parametrize("init", ["k-means++", "random"])
@pytest.mark.parametrize("name", DATASETS)
def test_same_seed_gives_sklearns_result(name, init):
    """The random draws follow sklearn's, so the same seed gives the same clustering."""
    X, k = load(name)
    ours = KMeans(k, init=init, n_init=3, random_state=7).fit(X)
    ref = SkKMeans(k, init=init, n_init=3, random_state=7, algorithm="lloyd").fit(X)
    assert_array_equal(ours.labels_, ref.labels_)
    assert_allclose(ours.cluster_centers_, ref.cluster_centers_, rtol=1e-10)
    assert ours.n_iter_ == ref.n_iter_


# --------------------------------------------------------------------------------------------
# Empty clusters and duplicate points
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("far_centers", [1, 2])
def test_empty_cluster_is_reseeded_as_sklearn(far_centers):
    X, _ = load("blobs_2d")
    k = 4
    init = X[:k].copy()
    init[:far_centers] = [[500.0, 500.0], [-500.0, 500.0]][:far_centers]  # no point near these
    ours = KMeans(k, init=init).fit(X)
    ref = sk_lloyd(X, k, init)
    assert np.isfinite(ours.cluster_centers_).all()
    assert_array_equal(ours.labels_, ref.labels_)
    assert_allclose(ours.cluster_centers_, ref.cluster_centers_, rtol=1e-10)
    assert ours.n_iter_ == ref.n_iter_
    assert set(ours.labels_) == set(range(k))
    # the re-seeded centre is a data point after the first update
    first_update = ours.history_[1]["centers"]
    assert (first_update[0] == X).all(axis=1).any()


def test_fewer_distinct_points_than_k_warns_and_is_usable():
    X = np.repeat([[0.0, 0.0], [5.0, 5.0], [0.0, 5.0]], 4, axis=0)
    with pytest.warns(ConvergenceWarning, match=r"Number of distinct clusters \(3\)"):
        SkKMeans(5, n_init=2, random_state=0).fit(X)  # the behaviour we copy
    with pytest.warns(ConvergenceWarning, match=r"distinct clusters \(3\).*n_clusters \(5\)"):
        km = KMeans(5, n_init=2, random_state=0).fit(X)
    assert np.isfinite(km.cluster_centers_).all()
    assert km.inertia_ == 0.0
    assert_array_equal(km.predict(X), km.labels_)
    assert km.labels_.min() >= 0 and km.labels_.max() < 5


# --------------------------------------------------------------------------------------------
# The teaching hooks: history_ and n_init_inertias_
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"tol": 0.05}, {"max_iter": 3}])
def test_history_records_every_step(params):
    X, k = load("source_a")
    init = X[:k].copy()
    km = KMeans(k, init=init, **params).fit(X)
    history = km.history_
    assert len(history) == km.n_iter_ + 1
    assert [h["iteration"] for h in history] == list(range(km.n_iter_ + 1))
    assert_array_equal(history[0]["centers"], init)
    for entry in history:  # labels and inertia are the assignment to the entry's centres
        sq = brute_sq_distances(X, entry["centers"])
        assert_array_equal(entry["labels"], sq.argmin(axis=1))
        assert entry["inertia"] == pytest.approx(sq.min(axis=1).sum(), rel=1e-12)
    for before, after in pairwise(history):  # each update moves centres to means
        expected = [X[before["labels"] == j].mean(axis=0) for j in range(k)]
        assert_allclose(after["centers"], expected, rtol=1e-12)
    assert_array_equal(history[-1]["centers"], km.cluster_centers_)
    assert_array_equal(history[-1]["labels"], km.labels_)
    assert history[-1]["inertia"] == km.inertia_
    # the history is the reference's path: sklearn stopped after the same number of steps
    assert km.n_iter_ == sk_lloyd(X, k, init, **params).n_iter_


def test_history_is_the_best_run_and_inertias_of_every_run_are_kept():
    X, k = load("source_a")
    km = KMeans(k, n_init=6, random_state=3).fit(X)
    assert km.n_init_inertias_.shape == (6,)
    assert km.inertia_ == pytest.approx(km.n_init_inertias_.min(), rel=1e-12)
    assert km.history_[-1]["inertia"] == km.inertia_
    # every restart's final inertia is what sklearn finds from the same k-means++ start
    rng = np.random.RandomState(3)
    for inertia in km.n_init_inertias_:
        start, _ = sk_kmeans_plusplus(X, k, random_state=rng)
        assert inertia == pytest.approx(sk_lloyd(X, k, start).inertia_, rel=1e-10)


def test_array_init_makes_one_run():
    X, k = load("blobs_2d")
    km = KMeans(k, init=X[:k], n_init=10).fit(X)
    assert km.n_init_inertias_.shape == (1,)


# --------------------------------------------------------------------------------------------
# The two steps as functions, and k-means++
# --------------------------------------------------------------------------------------------


def test_assign_labels_is_the_nearest_centre():
    X, _ = load("blobs_10d")
    centers = X[[3, 50, 120, 200]]
    assert_array_equal(assign_labels(X, centers), brute_sq_distances(X, centers).argmin(axis=1))


def test_fast_steps_in_chunks_match_the_readable_ones(monkeypatch):
    X, _ = load("blobs_2d")
    centers = X[:5]
    whole = assign_labels(X, centers)
    monkeypatch.setattr(_fast, "CHUNK_ELEMENTS", 1)  # 256 rows per chunk: several chunks
    labels, sq_dist = _fast.nearest_centers(X, centers)
    assert_array_equal(labels, whole)
    assert_allclose(sq_dist, brute_sq_distances(X, centers).min(axis=1), rtol=1e-12)
    assert_array_equal(_fast.cluster_means(X, whole, 5), update_centers(X, whole, 5))


def test_update_centers_is_the_mean_of_each_cluster():
    X, _ = load("blobs_10d")
    labels = np.arange(len(X)) % 3
    expected = [X[labels == j].mean(axis=0) for j in range(3)]
    assert_allclose(update_centers(X, labels, 3), expected, rtol=1e-12)


def test_update_centers_empty_cluster():
    X = np.array([[0.0, 0.0], [2.0, 0.0], [10.0, 10.0]])
    labels = np.array([0, 0, 2])
    with pytest.raises(ValueError, match="cluster 1 has no points"):
        update_centers(X, labels, 3)
    old = np.array([[9.0, 9.0], [7.0, 7.0], [8.0, 8.0]])
    assert_array_equal(update_centers(X, labels, 3, old_centers=old), [[1, 0], [7, 7], [10, 10]])


@pytest.mark.parametrize(
    "labels, match",
    [
        ([0, 1, 3], "from 0 to n_clusters - 1 = 2"),
        ([0, -1, 1], "got values from -1"),
        ([0.0, 1.0, 1.0], r"whole numbers.*dtype float64"),
        (["a", "b", "a"], r"whole numbers.*dtype <U1"),
        ([True, False, True], r"whole numbers.*dtype bool"),
        ([0, 1], "same length"),
    ],
)
def test_update_centers_bad_labels(labels, match):
    with pytest.raises(ValueError, match=match):
        update_centers(np.zeros((3, 2)), labels, 3)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("name", ["blobs_2d", "source_b"])
def test_kmeans_plusplus_picks_the_same_points_as_sklearn(name, seed):
    X, k = load(name)
    centers, indices = kmeans_plusplus(X, k, random_state=seed)
    ref_centers, ref_indices = sk_kmeans_plusplus(X, k, random_state=seed)
    assert_array_equal(indices, ref_indices)
    assert_array_equal(centers, ref_centers)
    assert_array_equal(centers, X[indices])


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", list(DATASETS))
def test_fast_kmeans_plusplus_picks_the_readable_points(name, seed, dtype):
    X, k = load(name, dtype)
    centers, indices = kmeans_plusplus(X, k + 2, random_state=seed)
    fast_centers, fast_indices = _fast.kmeans_plusplus(X, k + 2, np.random.RandomState(seed))
    assert_array_equal(fast_indices, indices)
    assert_array_equal(fast_centers, centers)


def test_kmeans_plusplus_first_centre_is_uniform():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 3.0], [4.0, 4.0], [10.0, 0.0]])
    rng = np.random.RandomState(0)
    n_draws = 5000
    firsts = [kmeans_plusplus(X, 1, random_state=rng)[1][0] for _ in range(n_draws)]
    counts = np.bincount(firsts, minlength=len(X))
    assert chisquare(counts).pvalue > 1e-3  # uniform
    assert counts.min() > 0.8 * n_draws / len(X)


def test_kmeans_plusplus_next_centre_proportional_to_squared_distance():
    """Vanilla k-means++ (one trial): P(first=i, second=j) = 1/n * d(i,j)**2 / sum_l d(i,l)**2."""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 3.0], [4.0, 4.0], [10.0, 0.0]])
    n = len(X)
    sq = brute_sq_distances(X, X)
    expected = sq / sq.sum(axis=1, keepdims=True) / n  # zero on the diagonal
    rng = np.random.RandomState(0)
    n_draws = 6000
    counts = np.zeros((n, n))
    for _ in range(n_draws):
        _, (i, j) = kmeans_plusplus(X, 2, random_state=rng, n_local_trials=1)
        counts[i, j] += 1
    assert np.trace(counts) == 0  # a chosen point is never chosen again
    off = ~np.eye(n, dtype=bool)
    assert chisquare(counts[off], expected[off] * n_draws).pvalue > 1e-3
    # and it is not uniform: the far point [10, 0] is the most likely second centre from [0, 0]
    assert counts[0].argmax() == 4


def test_kmeans_plusplus_greedy_lowers_the_potential():
    """With several trials per centre, the start is at least as good on average."""
    X, k = load("source_a")

    def mean_potential(trials):
        rng = np.random.RandomState(0)
        pots = [
            brute_sq_distances(X, kmeans_plusplus(X, k, random_state=rng, n_local_trials=trials)[0])
            .min(axis=1)
            .sum()
            for _ in range(60)
        ]
        return np.mean(pots)

    assert mean_potential(None) < mean_potential(1)


# --------------------------------------------------------------------------------------------
# The rest of the scikit-learn API
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_predict_transform_score_match_sklearn(dtype):
    X, k = load("blobs_10d", dtype)
    X_new = make_blobs(50, n_features=10, centers=5, random_state=9)[0].astype(dtype)
    init = X[:k].copy()
    ours = KMeans(k, init=init).fit(X)
    ref = sk_lloyd(X, k, init)
    rtol, _ = tolerances(dtype)
    assert_array_equal(ours.predict(X_new), ref.predict(X_new))
    assert_allclose(ours.transform(X_new), ref.transform(X_new), rtol=rtol, atol=1e-4)
    assert ours.score(X_new) == pytest.approx(ref.score(X_new), rel=rtol)
    assert ours.score(X) == pytest.approx(-ref.inertia_, rel=rtol)
    assert ours.transform(X_new).dtype == dtype
    assert_array_equal(KMeans(k, init=init).fit_predict(X), ref.labels_)
    assert_allclose(KMeans(k, init=init).fit_transform(X), ref.transform(X), rtol=rtol, atol=1e-4)


def test_labels_have_sklearns_dtype():
    X, k = load("blobs_2d")
    init = X[:k].copy()
    ours, ref = KMeans(k, init=init).fit(X), sk_lloyd(X, k, init)
    assert ours.labels_.dtype == ref.labels_.dtype
    assert ours.predict(X).dtype == ref.predict(X).dtype
    assert ours.fit_predict(X).dtype == ref.fit_predict(X).dtype
    assert assign_labels(X, init).dtype == ref.labels_.dtype


def blas_threads():
    return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}


@pytest.mark.skipif(not blas_threads(), reason="no BLAS library found by threadpoolctl")
def test_one_blas_thread_for_big_products_only():
    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        with _fast.one_blas_thread(np.empty((100_000, 16)), 8):
            assert blas_threads() == {1}
        assert blas_threads() == before
        with _fast.one_blas_thread(np.empty((1_000, 2)), 3):
            assert blas_threads() == before  # small: no limit set (BLAS uses one thread anyway)


def test_dataframe_input_records_feature_names():
    X, k = load("source_a")
    df = pd.DataFrame(X, columns=["width", "height"])
    km = KMeans(k, random_state=0, n_init=2).fit(df)
    assert km.n_features_in_ == 2
    assert list(km.feature_names_in_) == ["width", "height"]
    assert list(km.get_feature_names_out()) == ["kmeans0", "kmeans1", "kmeans2"]
    assert_array_equal(km.predict(df), km.labels_)


def test_the_readable_module_stays_small_and_plain():
    """The promise of issue 11: at most 200 lines, numpy only, none of the speed tricks."""
    from pathlib import Path

    source = Path(_kmeans.__file__).read_text()
    assert len(source.splitlines()) <= 200
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert imports == [
        "import numpy as np",
        "from ._validation import (",
    ]
    for trick in ("threadpool", "sparse", "chunk", "np.take", "np.float32", "p=np.full"):
        assert trick not in source


@pytest.mark.parametrize("module", [_kmeans, _estimator])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 3
    assert result.failed == 0


# --------------------------------------------------------------------------------------------
# Bad input: a clear error that names the problem
# --------------------------------------------------------------------------------------------

GOOD_X = [[0.0, 1.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0]]


@pytest.mark.parametrize(
    "X, params, error, match",
    [
        ([[0.0, np.nan], [1.0, 1.0]], {}, ValueError, "1 NaN"),
        ([[0.0, np.inf], [1.0, 1.0]], {}, ValueError, r"infinite \(inf\)"),
        (np.empty((0, 2)), {}, ValueError, "0 sample"),
        (np.empty((3, 0)), {}, ValueError, "0 feature"),
        ([1.0, 2.0, 3.0], {}, ValueError, "2-D array.*1-D input"),
        ([["a", "b"], ["c", "d"]], {}, TypeError, "text such as 'a'"),
        (GOOD_X, {"n_clusters": 0}, ValueError, "n_clusters=0.*at least 1 cluster"),
        (GOOD_X, {"n_clusters": 2.5}, TypeError, "n_clusters must be a whole number"),
        (GOOD_X, {"n_clusters": 5}, ValueError, "n_samples=4 should be >= n_clusters=5"),
        (GOOD_X, {"init": "kmeans"}, ValueError, "init='kmeans' is not a known option"),
        (GOOD_X, {"init": [[0.0, 0.0]]}, ValueError, r"init has shape \(1, 2\).*\(2, 2\)"),
        (GOOD_X, {"init": [[0.0], [1.0]]}, ValueError, r"init has shape \(2, 1\).*\(2, 2\)"),
        (GOOD_X, {"init": [[0.0, np.nan], [1.0, 1.0]]}, ValueError, "init contains 1 NaN"),
        (GOOD_X, {"n_init": 0}, ValueError, "n_init must be a whole number >= 1"),
        (GOOD_X, {"max_iter": 0}, ValueError, "max_iter must be a whole number >= 1"),
        (GOOD_X, {"tol": -1.0}, ValueError, "tol must be a number >= 0"),
        (GOOD_X, {"tol": np.nan}, ValueError, "tol must be a number >= 0; got nan"),
        (GOOD_X, {"tol": "small"}, TypeError, "tol must be a number >= 0"),
        (GOOD_X, {"n_init": 2.5}, TypeError, 'n_init must be a whole number >= 1 or "auto"'),
        (GOOD_X, {"max_iter": 2.5}, TypeError, "max_iter must be a whole number >= 1"),
        (GOOD_X, {"init": lambda X, k, random_state: X[:k]}, TypeError, "function '<lambda>'"),
    ],
)
def test_bad_input_to_fit(X, params, error, match):
    params = {"n_clusters": 2, **params}
    with pytest.raises(error, match=match):
        KMeans(**params).fit(X)


@pytest.mark.parametrize(
    "random_state, error, match",
    [
        (np.random.default_rng(0), TypeError, "random_state must be .*got a np.random.Generator"),
        (-1, ValueError, r"random_state must be .*2\*\*32 - 1.*got -1"),
        (2**32, ValueError, r"random_state must be .*got 4294967296"),
        ("seed", TypeError, "random_state must be .*got 'seed'"),
    ],
)
def test_bad_random_state_names_the_parameter(random_state, error, match):
    with pytest.raises(error, match=match):
        KMeans(2, random_state=random_state).fit(GOOD_X)
    with pytest.raises(error, match=match):
        kmeans_plusplus(GOOD_X, 2, random_state=random_state)


def test_sample_weight_is_refused_with_the_estimator_that_takes_it():
    with pytest.raises(TypeError, match=r"no sample_weight.*sklearn.cluster.KMeans"):
        KMeans(2).fit(GOOD_X, sample_weight=np.ones(4))
    with pytest.raises(TypeError, match="unexpected keyword argument 'weights'"):
        KMeans(2).fit(GOOD_X, weights=np.ones(4))


@pytest.mark.parametrize("scale", [1e-160, 1e-170])
def test_data_too_small_to_square_says_rescale(scale):
    X = np.array(GOOD_X) * scale
    with pytest.raises(ValueError, match=r"underflow.*Rescale X"):
        KMeans(2).fit(X)
    # float32 underflows much sooner
    with pytest.raises(ValueError, match=r"underflow.*float32.*Rescale X"):
        KMeans(2).fit((np.array(GOOD_X) * 1e-20).astype(np.float32))
    # tiny but squarable data is fine, and so is constant data (the duplicate-points warning)
    assert KMeans(2, n_init=1, random_state=0).fit(np.array(GOOD_X) * 1e-100).n_iter_ >= 1
    with pytest.warns(ConvergenceWarning, match="duplicate"):
        KMeans(2, n_init=1, random_state=0).fit(np.ones((4, 2)))


@pytest.mark.parametrize("method", ["predict", "transform", "score"])
def test_methods_before_fit(method):
    with pytest.raises(NotFittedError, match="not fitted yet"):
        getattr(KMeans(2), method)(GOOD_X)


@pytest.mark.parametrize("method", ["predict", "transform", "score"])
def test_different_number_of_features_after_fit(method):
    km = KMeans(2, n_init=1, random_state=0).fit(GOOD_X)
    with pytest.raises(ValueError, match="X has 3 features, but KMeans is expecting 2 features"):
        getattr(km, method)([[0.0, 1.0, 2.0]])


@pytest.mark.parametrize(
    "call",
    [
        lambda X: KMeans(2).fit(X),
        lambda X: KMeans(2).fit(np.eye(4)).predict(X),
        lambda X: assign_labels(X, [[0.0] * 4]),
        lambda X: update_centers(X, [0, 1, 0, 1], 2),
        lambda X: kmeans_plusplus(X, 2),
    ],
    ids=["fit", "predict", "assign_labels", "update_centers", "kmeans_plusplus"],
)
def test_sparse_input_is_refused_clearly(call):
    from scipy import sparse

    with pytest.raises(TypeError, match="X is a sparse matrix.*dense data.*X.toarray"):
        call(sparse.csr_matrix(np.eye(4)))


@pytest.mark.parametrize("init", ["k-means++", "random"])
def test_n_init_auto_means_what_it_means_in_sklearn(init):
    X, k = load("source_a")
    ours = KMeans(k, init=init, n_init="auto", random_state=0).fit(X)
    ref = SkKMeans(k, init=init, n_init="auto", random_state=0, algorithm="lloyd").fit(X)
    assert len(ours.n_init_inertias_) == (1 if init == "k-means++" else 10)
    assert_array_equal(ours.labels_, ref.labels_)
    assert ours.inertia_ == pytest.approx(ref.inertia_, rel=1e-12)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: assign_labels(GOOD_X, [[0.0, 0.0, 0.0]]), r"centers has shape \(1, 3\)"),
        (lambda: assign_labels(GOOD_X, [[0.0, np.nan]]), "centers contains 1 NaN"),
        (
            lambda: assign_labels(GOOD_X, [0.0, 0.0]),
            r"centers must be .*\(n_clusters, n_features\)",
        ),
        (
            lambda: assign_labels(GOOD_X, np.empty((0, 2))),
            r"centers is empty: found 0 cluster\(s\)",
        ),
        (lambda: kmeans_plusplus(GOOD_X, 5), "n_samples=4 should be >= n_clusters=5"),
        (lambda: kmeans_plusplus(GOOD_X, 2, n_local_trials=0), "n_local_trials"),
        (
            lambda: update_centers(GOOD_X, [0, 1, 0, 1], 2, old_centers=[[0.0, 0.0]]),
            r"old_centers has shape \(1, 2\)",
        ),
    ],
)
def test_bad_input_to_the_functions(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --------------------------------------------------------------------------------------------
# Properties on random data (hypothesis)
# --------------------------------------------------------------------------------------------


@st.composite
def data_and_k(draw):
    n = draw(st.integers(5, 40))
    d = draw(st.integers(1, 4))
    # Values on a coarse grid, so that duplicate points and ties happen too.
    X = draw(arrays(np.float64, (n, d), elements=st.integers(-50, 50).map(float)))
    k = draw(st.integers(1, 5))
    seed = draw(st.integers(0, 1000))
    return X, k, seed


PROPERTY_SETTINGS = settings(max_examples=30, deadline=None, database=None)


def fit_quietly(X, k, seed, **params):
    """Fit with n_init=2; duplicate points may give fewer clusters than k (a warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return KMeans(k, n_init=2, random_state=seed, **params).fit(X)


@PROPERTY_SETTINGS
@given(data_and_k())
def test_inertia_never_rises(case):
    X, k, seed = case
    km = fit_quietly(X, k, seed)
    inertias = [h["inertia"] for h in km.history_]
    slack = 1e-9 * max(inertias[0], 1.0)
    assert all(later <= earlier + slack for earlier, later in pairwise(inertias))


@PROPERTY_SETTINGS
@given(data_and_k())
def test_each_label_is_the_nearest_centre_and_each_centre_the_mean(case):
    X, k, seed = case
    km = fit_quietly(X, k, seed)
    sq = brute_sq_distances(X, km.cluster_centers_)
    own = sq[np.arange(len(X)), km.labels_]
    assert_allclose(own, sq.min(axis=1), atol=1e-9)  # ties may go to either centre
    for j in np.unique(km.labels_):
        assert_allclose(km.cluster_centers_[j], X[km.labels_ == j].mean(axis=0), atol=1e-9)
    assert km.inertia_ == pytest.approx(own.sum(), rel=1e-9, abs=1e-9)


@PROPERTY_SETTINGS
@given(data_and_k())
def test_same_random_state_same_result_and_input_untouched(case):
    X, k, seed = case
    X_before = X.copy()
    X.setflags(write=False)  # any attempt to write into X would raise
    first = fit_quietly(X, k, seed, init="random")
    second = fit_quietly(X, k, seed, init="random")
    assert_array_equal(X, X_before)
    assert_array_equal(first.labels_, second.labels_)
    assert_array_equal(first.cluster_centers_, second.cluster_centers_)
    assert first.inertia_ == second.inertia_
    assert all(value is not X for value in vars(first).values())  # no reference to X kept


@st.composite
def continuous_data_with_duplicates(draw):
    """Normal points, some rows repeated: duplicates and empty clusters, but no exact ties
    between distinct centres (those could be broken either way after rounding)."""
    n, d, k, seed = (
        draw(st.integers(5, 40)),
        draw(st.integers(1, 4)),
        draw(st.integers(1, 5)),
        draw(st.integers(0, 10_000)),
    )
    n_distinct = draw(st.integers(1, n))
    rng = np.random.RandomState(seed)
    X = rng.normal(size=(n_distinct, d))[rng.randint(n_distinct, size=n)]
    init = X[rng.choice(n, size=k, replace=False)]
    return X, k, init


@PROPERTY_SETTINGS
@given(continuous_data_with_duplicates())
def test_same_as_sklearn_on_random_data(case):
    X, k, init = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        ours = KMeans(k, init=init).fit(X)
        ref = sk_lloyd(X, k, init)
    # Our result is always self-consistent: labels_ is the assignment to cluster_centers_.
    assert_array_equal(ours.predict(X), ours.labels_)
    assert ours.inertia_ == pytest.approx(-ours.score(X), rel=1e-12, abs=1e-12)
    # When no cluster ever ran empty, it is sklearn's result. (With empty clusters among
    # duplicate points, sklearn may re-seed at one of several equally far copies, and can even
    # stop with labels that do not match its centres; see the test below. With one distinct
    # point the scaled tol is 0, and sklearn, which centres X first, gets that point's mean
    # exactly where ours may be one rounding step off: one more iteration, same result.)
    never_empty = all(np.unique(entry["labels"]).size == k for entry in ours.history_)
    if never_empty and len(np.unique(X, axis=0)) >= 2:
        assert_array_equal(ours.labels_, ref.labels_)
        assert ours.n_iter_ == ref.n_iter_
        assert ours.inertia_ == pytest.approx(ref.inertia_, rel=1e-9, abs=1e-12)


def test_duplicates_and_empty_clusters_give_consistent_labels():
    """More clusters than distinct points, with rounding noise in the distances: sklearn 1.9
    re-seeds empty clusters at duplicates, then stops on unchanged labels with centres that
    moved (its labels_ then differ from its predict(X)). We keep the centres the labels
    were assigned to."""
    a, b = [0.57867814, -0.3906094, 0.01550538], [-0.17374789, 1.26772756, -0.92745834]
    X = np.array([a, b, b, b, a, a, a])
    init = np.array([a, a, b, b, a])
    with pytest.warns(ConvergenceWarning, match="distinct clusters"):
        km = KMeans(5, init=init).fit(X)
    assert_array_equal(km.predict(X), km.labels_)
    assert km.inertia_ == pytest.approx(0.0, abs=1e-20)
    assert np.isfinite(km.cluster_centers_).all()
