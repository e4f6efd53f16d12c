"""tutorial_lib.selection: sweep_k against scikit-learn, find_knee against kneed."""

import numpy as np
import pandas as pd
import pytest
import sklearn.metrics
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from kneed import KneeLocator
from numpy.testing import assert_allclose
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler

from tutorial_lib.selection import find_knee, sweep_k


@pytest.fixture(scope="module")
def source_b():
    """Source B's data: three blobs, standardised."""
    X, y = make_blobs(
        n_samples=500, centers=[[1, 1], [-1, -1], [1, -1]], cluster_std=0.4, random_state=0
    )
    return StandardScaler().fit_transform(X), y


@pytest.fixture(scope="module")
def source_b_sweep(source_b):
    X, _ = source_b
    return sweep_k(X, range(1, 11), random_state=0, n_init=4)


def kneed_knee(k_values, inertias):
    return KneeLocator(k_values, inertias, curve="convex", direction="decreasing").knee


# ---------------------------------------------------------------------------------------------
# sweep_k
# ---------------------------------------------------------------------------------------------


def test_sweep_k_table(source_b_sweep):
    sweep = source_b_sweep
    assert isinstance(sweep, pd.DataFrame)
    assert list(sweep.columns) == ["k", "inertia", "silhouette"]
    assert sweep["k"].tolist() == list(range(1, 11))
    assert sweep["k"].dtype.kind == "i"
    assert np.isnan(sweep["silhouette"].iloc[0])  # undefined for one cluster
    assert sweep["silhouette"].iloc[1:].notna().all()
    assert sweep["inertia"].iloc[0] > sweep["inertia"].iloc[-1]


def test_sweep_k_matches_sklearn(source_b, source_b_sweep):
    X, _ = source_b
    for k in (1, 3, 7):
        model = KMeans(n_clusters=k, n_init=4, random_state=0).fit(X)
        row = source_b_sweep.set_index("k").loc[k]
        assert row["inertia"] == pytest.approx(model.inertia_, rel=1e-12)
        if k > 1:
            expected = sklearn.metrics.silhouette_score(X, model.labels_)
            assert row["silhouette"] == pytest.approx(expected, abs=1e-9)


def test_source_b_elbow_and_silhouette_agree_on_three(source_b_sweep):
    sweep = source_b_sweep
    assert find_knee(sweep["k"], sweep["inertia"]) == 3
    assert sweep.loc[sweep["silhouette"].idxmax(), "k"] == 3


def test_sweep_k_is_reproducible_and_keeps_the_order(source_b):
    X, _ = source_b
    first = sweep_k(X[:120], [4, 2, 3], random_state=7, n_init=2)
    again = sweep_k(X[:120], [4, 2, 3], random_state=7, n_init=2)
    assert first["k"].tolist() == [4, 2, 3]
    pd.testing.assert_frame_equal(first, again)


def test_sweep_k_accepts_a_dataframe_and_numpy_ints(source_b):
    X, _ = source_b
    frame = pd.DataFrame(X[:100], columns=["a", "b"])
    sweep = sweep_k(frame, np.arange(2, 4), n_init=2)
    assert sweep["k"].tolist() == [2, 3]
    assert_allclose(sweep["inertia"], sweep_k(X[:100], [2, 3], n_init=2)["inertia"])


def test_sweep_k_progress_prints_one_line_per_k(source_b, capsys):
    X, _ = source_b
    sweep_k(X[:100], [1, 2, 3], n_init=2, progress=True)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("[1/3] k=1")
    assert "k=3" in lines[2] and "silhouette" in lines[2]
    sweep_k(X[:100], [1, 2, 3], n_init=2)
    assert capsys.readouterr().out == ""


def test_sweep_k_gives_nan_silhouette_when_there_is_one_point_per_cluster():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0]])
    sweep = sweep_k(X, [1, 2, 3], n_init=1)
    assert np.isnan(sweep["silhouette"].iloc[0])
    assert np.isnan(sweep["silhouette"].iloc[2])  # k = n_samples
    assert not np.isnan(sweep["silhouette"].iloc[1])
    assert sweep["inertia"].iloc[2] == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("X", "k_values", "kwargs", "error", "match"),
    [
        ([[0.0], [1.0], [2.0]], [0, 1], {}, ValueError, "at least 1 cluster"),
        ([[0.0], [1.0], [2.0]], [2, 4], {}, ValueError, "n_samples=3"),
        ([[0.0], [1.0], [2.0]], [], {}, ValueError, "empty"),
        ([[0.0], [1.0], [2.0]], [2, 2], {}, ValueError, "more than once"),
        ([[0.0], [1.0], [2.0]], [1.5], {}, TypeError, "whole number"),
        ([[0.0], [1.0], [2.0]], "123", {}, TypeError, "k_values"),
        ([[0.0], [1.0], [2.0]], 3, {}, TypeError, "k_values"),
        ([[0.0], [np.nan], [2.0]], [1, 2], {}, ValueError, "NaN"),
        ([[0.0], [1.0], [2.0]], [1, 2], {"n_init": 0}, ValueError, "n_init"),
        ([[0.0], [1.0], [2.0]], [1, 2], {"n_init": "auto"}, ValueError, "n_init"),
    ],
)
def test_sweep_k_bad_input(X, k_values, kwargs, error, match):
    with pytest.raises(error, match=match):
        sweep_k(X, k_values, **kwargs)


# ---------------------------------------------------------------------------------------------
# find_knee
# ---------------------------------------------------------------------------------------------


def test_find_knee_agrees_with_kneed_on_source_b(source_b):
    X, _ = source_b
    k_values = list(range(1, 11))
    inertias = [KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_ for k in k_values]
    expected = kneed_knee(k_values, inertias)
    assert expected is not None
    assert find_knee(k_values, inertias) == expected


K = np.arange(1, 11)
FIB = np.array([1, 2, 3, 5, 8, 13, 21])
CURVES = {
    "exponential": (K, 1000.0 * np.exp(-0.8 * K)),
    "fast exponential": (K, 500.0 * np.exp(-1.5 * K) + 3.0),
    "one over k": (K, 100.0 / K),
    "power law": (K, 50.0 * K**-0.5),
    "piecewise, knee at 4": (K, np.maximum(400.0 - 90.0 * K, 50.0 - 5.0 * K)),
    "piecewise, knee at 2": (K, np.maximum(1000.0 - 450.0 * K, 110.0 - 10.0 * K)),
    "uneven k spacing": (FIB, 300.0 / FIB),
    "k from 2 in steps of 3": (np.arange(2, 40, 3), 1e4 * np.exp(-0.2 * np.arange(2, 40, 3))),
    "gentle bumps": (K, 1000.0 / K**1.3 + np.array([0, 5, -5, 5, -5, 5, -5, 5, -5, 0])),
}


@pytest.mark.parametrize("name", list(CURVES))
def test_find_knee_agrees_with_kneed(name):
    k_values, inertias = CURVES[name]
    expected = kneed_knee(k_values, inertias)
    assert expected is not None, "pick curves where kneed finds a knee"
    knee = find_knee(k_values, inertias)
    assert knee == expected
    assert type(knee) is int


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(min_value=0.01, max_value=100.0), min_size=2, max_size=14),
    st.integers(min_value=1, max_value=5),
    st.integers(min_value=1, max_value=3),
)
def test_find_knee_agrees_with_kneed_on_random_convex_curves(gaps, first_k, step):
    # a strictly decreasing, strictly convex curve: each drop from one k to the next is
    # smaller than the one before, by a positive gap
    drops = np.cumsum(gaps[::-1])[::-1]
    inertias = np.concatenate([[0.0], -np.cumsum(drops)]) + drops.sum() + 1.0
    k_values = first_k + step * np.arange(len(inertias))
    expected = kneed_knee(k_values, inertias)
    assume(expected is not None)  # kneed gives up on nearly straight curves
    # Skip (near-)ties of the difference curve: find_knee takes the smaller k by rule, kneed
    # whichever rounding makes larger (e.g. gaps 3, 3, 3, 3, 2 tie at k = 3 and 4).
    x = (k_values - k_values.min()) / (k_values.max() - k_values.min())
    y = (inertias - inertias.min()) / (inertias.max() - inertias.min())
    top_two = np.sort((1 - x) - y)[-2:]
    assume(top_two[1] - top_two[0] > 1e-9)
    assert find_knee(k_values, inertias) == expected


def test_find_knee_accepts_lists_series_and_ints():
    k_values, inertias = CURVES["piecewise, knee at 4"]
    assert find_knee(k_values.tolist(), inertias.tolist()) == 4
    assert find_knee(pd.Series(k_values), pd.Series(inertias)) == 4
    assert find_knee(k_values, inertias.round().astype(int)) == 4


def test_find_knee_ties_pick_the_smaller_k():
    # normalised: k 0, .25, .5, .75, 1 and inertia 1, .5, .25, 0, 0, so the difference curve
    # is 0, .25, .25, .25, 0 (exact in binary): a tie at k = 2, 3, 4
    assert find_knee([1, 2, 3, 4, 5], [4.0, 2.0, 1.0, 0.0, 0.0]) == 2


def test_find_knee_leaves_inputs_alone():
    k_values, inertias = (a.copy() for a in CURVES["one over k"])
    find_knee(k_values, inertias)
    assert_allclose(k_values, CURVES["one over k"][0])
    assert_allclose(inertias, CURVES["one over k"][1])


@pytest.mark.parametrize(
    ("k_values", "inertias", "error", "match"),
    [
        ([1, 2], [10.0, 5.0], ValueError, "at least 3 points"),
        ([], [], ValueError, "at least 3 points"),
        ([1, 2, 3], [10.0, 5.0], ValueError, "same length"),
        ([1, 2, 3, 4], [1.0, 2.0, 3.0, 4.0], ValueError, "decreasing"),
        ([1, 2, 3, 4], [5.0, 5.0, 5.0, 5.0], ValueError, "decreasing"),
        ([1, 2, 3, 4], [10.0, 3.0, 1.0, 12.0], ValueError, "decreasing"),
        ([1, 2, 3, 4], [4.0, 3.0, 2.0, 1.0], ValueError, "no knee"),
        ([1, 2, 3, 4], [16.0, 15.0, 12.0, 7.0], ValueError, "no knee"),  # concave
        ([1, 3, 2, 4], [10.0, 3.0, 2.0, 1.0], ValueError, "increasing"),
        ([1, 1, 2, 4], [10.0, 3.0, 2.0, 1.0], ValueError, "increasing"),
        ([1, 1.5, 2, 4], [10.0, 3.0, 2.0, 1.0], ValueError, "whole numbers"),
        ([1, 2, 3, 4], [10.0, np.nan, 2.0, 1.0], ValueError, "NaN"),
        ([1, 2, 3, 4], ["10", "3", "2", "1"], TypeError, "numbers"),
        ([1, 2, 3, 4], None, TypeError, "inertias"),
        ([[1, 2], [3, 4]], [10.0, 3.0, 2.0, 1.0], ValueError, "1-D"),
    ],
)
def test_find_knee_bad_input(k_values, inertias, error, match):
    with pytest.raises(error, match=match):
        find_knee(k_values, inertias)
