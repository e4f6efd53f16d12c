"""tutorial_lib.metrics: WCSS against KMeans' inertia, the hand-written silhouette against
scikit-learn's, the Hungarian label alignment against hand-made cases and brute force, and
split_half_stability against the same fits scored directly with adjusted_rand_score."""

import itertools

import numpy as np
import pandas as pd
import pytest
import sklearn.metrics
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

from tutorial_lib import metrics
from tutorial_lib.metrics import (
    align_labels,
    aligned_accuracy,
    label_mapping,
    silhouette_samples,
    silhouette_score,
    split_half_stability,
    wcss,
)

# ---------------------------------------------------------------------------------------------
# wcss
# ---------------------------------------------------------------------------------------------


def test_wcss_equals_kmeans_inertia():
    X, _ = make_blobs(n_samples=200, centers=4, random_state=3)
    model = KMeans(n_clusters=4, n_init=3, random_state=0).fit(X)
    assert wcss(X, model.labels_, model.cluster_centers_) == pytest.approx(model.inertia_)
    # the fitted centres are the cluster means, so the default gives the same number
    assert wcss(X, model.labels_) == pytest.approx(model.inertia_)


def test_wcss_small_case_by_hand():
    # cluster 0 = {0, 2}, mean 1: squared distances 1 + 1; cluster 1 = {10}: 0
    assert wcss([[0.0], [2.0], [10.0]], [0, 0, 1]) == 2.0
    # given centres: (0-1)^2 + (2-1)^2 + (10-7)^2 = 11
    assert wcss([[0.0], [2.0], [10.0]], [0, 0, 1], centers=[[1.0], [7.0]]) == 11.0


def test_wcss_default_centres_are_the_cluster_means_for_any_labels():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    labels = rng.choice(["red", "green", "blue"], size=30)
    means = pd.DataFrame(X).groupby(labels).mean()
    expected = sum(
        ((X[labels == name] - means.loc[name].to_numpy()) ** 2).sum() for name in means.index
    )
    assert wcss(X, labels) == pytest.approx(expected)
    assert isinstance(wcss(X, labels), float)


def test_wcss_accepts_a_dataframe_and_whole_float_labels_and_leaves_inputs_alone():
    X = pd.DataFrame({"a": [0.0, 1.0, 4.0, 5.0], "b": [0.0, 1.0, 4.0, 6.0]})
    labels = np.array([0.0, 0.0, 1.0, 1.0])
    centers = np.array([[0.5, 0.5], [4.5, 5.0]])
    before = (X.copy(), labels.copy(), centers.copy())
    assert wcss(X, labels, centers) == pytest.approx(0.5 + 0.5 + 1.25 + 1.25)
    pd.testing.assert_frame_equal(X, before[0])
    assert_array_equal(labels, before[1])
    assert_array_equal(centers, before[2])


@pytest.mark.parametrize(
    ("X", "labels", "centers", "error", "match"),
    [
        ([[0.0], [1.0]], [0, 0, 1], None, ValueError, "same length"),
        ([[0.0], [np.nan]], [0, 1], None, ValueError, "NaN"),
        (np.empty((0, 2)), [], None, ValueError, "0 sample"),
        ([[0.0], [1.0]], [0, 1], [[0.0, 1.0], [1.0, 0.0]], ValueError, "features"),
        ([[0.0], [1.0]], [0, 2], [[0.0], [1.0]], ValueError, r"0\.\.1"),
        ([[0.0], [1.0]], [0, -1], [[0.0], [1.0]], ValueError, r"0\.\.1"),
        ([[0.0], [1.0]], [0.0, 0.5], [[0.0], [1.0]], TypeError, "whole numbers"),
        ([[0.0], [1.0]], ["a", "b"], [[0.0], [1.0]], TypeError, "whole numbers"),
        ([["a"], ["b"]], [0, 1], None, TypeError, "text"),
        ([0.0, 1.0], [0, 1], None, ValueError, "2-D"),
    ],
)
def test_wcss_bad_input(X, labels, centers, error, match):
    with pytest.raises(error, match=match):
        wcss(X, labels, centers)


# ---------------------------------------------------------------------------------------------
# silhouette
# ---------------------------------------------------------------------------------------------


def _blobs(n, centers, n_features, seed):
    X, y = make_blobs(n_samples=n, centers=centers, n_features=n_features, random_state=seed)
    return X, y


def _data_sets():
    rng = np.random.default_rng(42)
    X1, y1 = _blobs(150, 3, 2, 0)
    X2, y2 = _blobs(120, 5, 3, 1)
    X3 = rng.normal(size=(60, 4))
    y3 = rng.integers(0, 4, size=60)  # random labels: many negative silhouettes
    X4, y4 = _blobs(40, 3, 2, 2)
    y4 = y4.copy()
    y4[0], y4[1] = 7, 9  # two singleton clusters (silhouette 0 in scikit-learn)
    X5 = np.repeat([[0.0, 0.0], [3.0, 4.0], [1.0, 1.0]], [4, 3, 2], axis=0)
    y5 = np.array([0, 0, 0, 0, 1, 1, 1, 2, 2])  # duplicate points: a = 0
    X6, y6 = _blobs(50, 2, 2, 5)
    y6 = np.where(y6 == 0, "left", "right")  # text labels
    X7, y7 = _blobs(30, 3, 2, 7)
    y7 = np.array([-5, 10, 300])[y7]  # non-contiguous, negative ids
    return {
        "blobs-3-2d": (X1, y1),
        "blobs-5-3d": (X2, y2),
        "random-labels": (X3, y3),
        "singletons": (X4, y4),
        "duplicates": (X5, y5),
        "text-labels": (X6, y6),
        "odd-ids": (X7, y7),
    }


@pytest.mark.parametrize("name", list(_data_sets()))
def test_silhouette_equals_sklearn(name):
    X, y = _data_sets()[name]
    expected = sklearn.metrics.silhouette_samples(X, y)
    ours = silhouette_samples(X, y)
    assert ours.shape == (X.shape[0],)
    assert_allclose(ours, expected, rtol=1e-6, atol=1e-9)
    assert silhouette_score(X, y) == pytest.approx(sklearn.metrics.silhouette_score(X, y), abs=1e-9)


def test_silhouette_of_float32_data_is_computed_in_float64():
    X, y = _data_sets()["blobs-3-2d"]
    X32 = X.astype(np.float32)
    ours = silhouette_samples(X32, y)
    assert ours.dtype == np.float64
    # the same as scikit-learn on the float64 copy of the data; scikit-learn itself works in
    # float32 here, so it agrees only to about 1e-7
    assert_allclose(ours, sklearn.metrics.silhouette_samples(X32.astype(np.float64), y), atol=1e-12)
    assert_allclose(ours, sklearn.metrics.silhouette_samples(X32, y), atol=1e-6)


def test_silhouette_of_singletons_is_zero():
    X, y = _data_sets()["singletons"]
    s = silhouette_samples(X, y)
    assert s[0] == 0.0 and s[1] == 0.0
    assert np.all(s[2:] != 0.0)


def test_silhouette_in_small_chunks_gives_the_same_values(monkeypatch):
    X, y = _data_sets()["blobs-5-3d"]
    whole = silhouette_samples(X, y)
    # 120 samples * 8 bytes * 7 rows: blocks of 7 rows, the last one shorter (120 = 17*7 + 1)
    monkeypatch.setattr(metrics, "_CHUNK_BYTES", 120 * 8 * 7)
    assert_allclose(silhouette_samples(X, y), whole, rtol=1e-12, atol=1e-15)
    monkeypatch.setattr(metrics, "_CHUNK_BYTES", 1)  # one row at a time
    assert_allclose(silhouette_samples(X, y), whole, rtol=1e-12, atol=1e-15)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=3, max_value=25).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(st.integers(-5, 5), min_size=2, max_size=2), min_size=n, max_size=n),
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
        )
    )
)
def test_silhouette_equals_sklearn_on_random_small_cases(data):
    # integer coordinates keep scikit-learn's distances exact (duplicates included)
    points, labels = data
    X, y = np.array(points, dtype=float), np.array(labels)
    n_labels = len(np.unique(y))
    if not 2 <= n_labels <= len(y) - 1:
        with pytest.raises(ValueError, match="silhouette"):
            silhouette_samples(X, y)
        return
    assert_allclose(silhouette_samples(X, y), sklearn.metrics.silhouette_samples(X, y), atol=1e-12)


def test_silhouette_does_not_change_its_inputs():
    X, y = _data_sets()["blobs-3-2d"]
    X0, y0 = X.copy(), y.copy()
    silhouette_samples(X, y)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)


@pytest.mark.parametrize(
    ("X", "labels", "match"),
    [
        ([[0.0], [1.0], [2.0]], [0, 0, 0], "at least 2 clusters"),
        ([[0.0], [1.0], [2.0]], [0, 1, 2], "fewer clusters than samples"),
        ([[0.0], [1.0], [2.0]], [0, 1], "same length"),
        ([[0.0], [np.inf], [2.0]], [0, 1, 1], "inf"),
        (np.empty((0, 2)), [], "0 sample"),
    ],
)
@pytest.mark.parametrize("function", [silhouette_samples, silhouette_score])
def test_silhouette_bad_input(function, X, labels, match):
    with pytest.raises(ValueError, match=match):
        function(X, labels)


# ---------------------------------------------------------------------------------------------
# label_mapping, align_labels, aligned_accuracy
# ---------------------------------------------------------------------------------------------


def test_permuted_ids_are_mapped_back():
    y_true = [0, 0, 1, 1, 2, 2]
    y_pred = [2, 2, 0, 0, 1, 1]
    assert label_mapping(y_true, y_pred) == {2: 0, 0: 1, 1: 2}
    assert_array_equal(align_labels(y_true, y_pred), y_true)
    assert aligned_accuracy(y_true, y_pred) == 1.0
    # raw accuracy on the cluster ids, the source tutorials' mistake, says 0
    assert sklearn.metrics.accuracy_score(y_true, y_pred) == 0.0


def test_text_labels_with_one_mistake():
    y_true = np.array(["A", "A", "B", "B", "C", "C"])
    y_pred = np.array([1, 1, 2, 0, 0, 0])  # the fourth sample sits in C's cluster
    mapping = label_mapping(y_true, y_pred)
    assert mapping == {1: "A", 2: "B", 0: "C"}
    assert all(type(key) is int and type(value) is str for key, value in mapping.items())
    assert_array_equal(align_labels(y_true, y_pred), ["A", "A", "B", "C", "C", "C"])
    assert aligned_accuracy(y_true, y_pred) == pytest.approx(5 / 6)


def test_more_clusters_than_classes_fall_back_to_the_majority_class():
    y_true = ["A", "A", "A", "A", "B", "B", "B"]
    y_pred = [0, 0, 1, 1, 2, 2, 1]  # class A split over clusters 0 and 1
    mapping = label_mapping(y_true, y_pred)
    # Hungarian: 2 -> B and one of 0, 1 -> A; the unmatched one goes to its majority class, A
    assert mapping == {0: "A", 1: "A", 2: "B"}
    assert aligned_accuracy(y_true, y_pred) == pytest.approx(6 / 7)


def test_fewer_clusters_than_classes_leave_a_class_unused():
    y_true = ["A", "A", "A", "B", "C", "C", "C"]
    y_pred = [0, 0, 0, 0, 1, 1, 1]
    assert label_mapping(y_true, y_pred) == {0: "A", 1: "C"}
    assert_array_equal(align_labels(y_true, y_pred), ["A", "A", "A", "A", "C", "C", "C"])
    assert aligned_accuracy(y_true, y_pred) == pytest.approx(6 / 7)


def test_non_contiguous_and_negative_cluster_ids():
    y_true = pd.Series(["x", "x", "y", "y", "z", "z"])
    y_pred = [42, 42, -1, -1, 10, 10]
    assert label_mapping(y_true, y_pred) == {-1: "y", 10: "z", 42: "x"}
    assert aligned_accuracy(y_true, y_pred) == 1.0


def test_hungarian_beats_the_majority_vote():
    # confusion matrix, rows clusters 0..2, columns classes 0..2: [[5, 4, 0], [4, 0, 1], [0, 5, 7]]
    # majority vote would send clusters 0 and 1 both to class 0 (agreement 5 + 4 + 7 = 16 but
    # not one-to-one); the best one-to-one matching is 0 -> 1, 1 -> 0, 2 -> 2 (4 + 4 + 7 = 15)
    counts = [[5, 4, 0], [4, 0, 1], [0, 5, 7]]
    y_true = [c for row in counts for c, n in enumerate(row) for _ in range(n)]
    y_pred = [k for k, row in enumerate(counts) for n in row for _ in range(n)]
    assert label_mapping(y_true, y_pred) == {0: 1, 1: 0, 2: 2}
    assert aligned_accuracy(y_true, y_pred) == pytest.approx(15 / 26)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=30).flatmap(
        lambda n: st.tuples(
            st.lists(st.sampled_from("abcd"), min_size=n, max_size=n),
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
        )
    )
)
def test_alignment_is_the_best_one_to_one_matching(data):
    """Brute force over every one-to-one matching of clusters to classes."""
    y_true, y_pred = (np.array(v) for v in data)
    classes, clusters = np.unique(y_true), np.unique(y_pred)
    aligned = align_labels(y_true, y_pred)
    mapping = label_mapping(y_true, y_pred)
    assert set(mapping) == set(clusters.tolist())
    assert set(mapping.values()) <= set(classes.tolist())
    assert_array_equal(aligned, [mapping[c] for c in y_pred.tolist()])

    def agreement(pairs):
        return sum(np.sum((y_pred == k) & (y_true == c)) for k, c in pairs)

    m = min(len(clusters), len(classes))
    best = max(
        agreement(zip(chosen, targets, strict=True))
        for chosen in itertools.combinations(clusters, m)
        for targets in itertools.permutations(classes, m)
    )
    n_agree = int(np.sum(aligned == y_true))
    if len(clusters) <= len(classes):
        # one-to-one: no two clusters share a label, and the agreement is the best possible
        assert len(set(mapping.values())) == len(clusters)
        assert n_agree == best
    else:
        # every class gets a cluster; the extra clusters can only add agreement
        assert set(mapping.values()) == set(classes.tolist())
        assert n_agree >= best
    # renaming the clusters changes nothing
    renamed = np.array([f"cluster-{k}" for k in y_pred])
    assert aligned_accuracy(y_true, renamed) == pytest.approx(aligned_accuracy(y_true, y_pred))


def test_source_a_hand_written_map_versus_alignment():
    """A hand-written {cluster: label} map fits one run only; the alignment fits every run."""
    X, y = make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)
    names = np.array(["A", "B", "C"])[y]
    scores = []
    for seed in (0, 1, 2):
        clusters = KMeans(n_clusters=3, n_init=1, random_state=seed).fit_predict(X)
        scores.append(aligned_accuracy(names, clusters))
        # the same clustering with renumbered ids: same aligned accuracy
        assert aligned_accuracy(names, (clusters + 1) % 3) == pytest.approx(scores[-1])
    assert min(scores) > 0.9


def test_alignment_leaves_inputs_alone():
    y_true = np.array(["A", "B", "B"])
    y_pred = np.array([1, 0, 0])
    align_labels(y_true, y_pred)
    assert_array_equal(y_true, ["A", "B", "B"])
    assert_array_equal(y_pred, [1, 0, 0])


@pytest.mark.parametrize(
    ("y_true", "y_pred", "error", "match"),
    [
        ([0, 1, 1], [0, 1], ValueError, "same length"),
        ([], [], ValueError, "empty"),
        ([0.0, np.nan], [0, 1], ValueError, "NaN"),
        ([[0, 1]], [0, 1], ValueError, "1-D"),
        (None, [0, 1], TypeError, "None"),
        (np.array([1, "a"], dtype=object), [0, 1], TypeError, "cannot be compared"),
    ],
)
@pytest.mark.parametrize("function", [label_mapping, align_labels, aligned_accuracy])
def test_alignment_bad_input(function, y_true, y_pred, error, match):
    with pytest.raises(error, match=match):
        function(y_true, y_pred)


# ---------------------------------------------------------------------------------------------
# split_half_stability
# ---------------------------------------------------------------------------------------------


def _direct_split_half(model, X_train, X_test, n_splits, seed):
    """The same computation written out with scikit-learn's adjusted_rand_score."""
    from sklearn.base import clone

    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n_splits):
        order = rng.permutation(len(X_train))
        first, second = order[: len(order) // 2], order[len(order) // 2 :]
        a = clone(model).fit(X_train[first]).predict(X_test)
        b = clone(model).fit(X_train[second]).predict(X_test)
        out.append(sklearn.metrics.adjusted_rand_score(a, b))
    return out


@pytest.mark.parametrize(("n_clusters", "seed"), [(3, 0), (5, 42)])
def test_split_half_stability_equals_the_direct_computation(n_clusters, seed):
    X, _ = make_blobs(n_samples=150, centers=3, cluster_std=2.0, random_state=1)
    model = KMeans(n_clusters=n_clusters, init="random", n_init=3, random_state=7)
    scores = split_half_stability(model, X[:100], X[100:], n_splits=4, seed=seed)
    assert scores.shape == (4,)
    assert_allclose(scores, _direct_split_half(model, X[:100], X[100:], 4, seed))
    assert not hasattr(model, "cluster_centers_")  # the model itself was never fitted


def test_split_half_stability_separates_a_right_k_from_a_wrong_one():
    X, _ = make_blobs(n_samples=200, centers=3, cluster_std=0.5, random_state=0)
    right = split_half_stability(KMeans(n_clusters=3, n_init=10, random_state=0), X[:140], X[140:])
    wrong = split_half_stability(KMeans(n_clusters=5, n_init=10, random_state=0), X[:140], X[140:])
    assert_allclose(right, 1.0)
    assert np.median(wrong) < 0.9


def test_split_half_stability_accepts_a_pipeline_and_dataframes():
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, _ = make_blobs(n_samples=90, centers=2, random_state=3)
    frame = pd.DataFrame(X, columns=["x", "y"])
    model = make_pipeline(StandardScaler(), KMeans(n_clusters=2, n_init=3, random_state=0))
    scores = split_half_stability(model, frame.iloc[:60], frame.iloc[60:], n_splits=2)
    assert_allclose(scores, _direct_split_half(model, X[:60], X[60:], 2, 0))


@pytest.mark.parametrize(
    ("X_train", "n_splits", "error", "match"),
    [
        (np.zeros((1, 2)), 5, ValueError, "at least 2"),
        (np.zeros((10, 2)), 0, ValueError, "n_splits"),
        ([[0.0, np.nan]] * 4, 5, ValueError, "NaN"),
    ],
)
def test_split_half_stability_bad_input(X_train, n_splits, error, match):
    with pytest.raises(error, match=match):
        split_half_stability(KMeans(n_clusters=2), X_train, np.zeros((3, 2)), n_splits=n_splits)


def test_split_half_stability_is_the_function_notebook_02_writes():
    """Notebook 02 writes the function out (its teaching moment); notebook 06 imports
    tutorial_lib's. Both must give the same numbers."""
    import ast
    import json
    from pathlib import Path

    from sklearn.base import clone

    path = Path(__file__).parents[1] / "notebooks" / "02_scaling_and_splitting.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    source = next(s for s in sources if "def split_half_stability(" in s)
    tree = ast.parse(source)
    definition = next(n for n in tree.body if isinstance(n, ast.FunctionDef))
    namespace = {"np": np, "clone": clone, "SEED": 0,
                 "adjusted_rand_score": sklearn.metrics.adjusted_rand_score}
    exec(compile(ast.Module(body=[definition], type_ignores=[]), str(path), "exec"), namespace)
    X, _ = make_blobs(n_samples=150, centers=3, cluster_std=2.5, random_state=4)
    model = KMeans(n_clusters=4, init="random", n_init=2, random_state=1)
    for seed in (0, 42):
        assert_allclose(
            split_half_stability(model, X[:100], X[100:], seed=seed),
            namespace["split_half_stability"](model, X[:100], X[100:], seed=seed),
        )
