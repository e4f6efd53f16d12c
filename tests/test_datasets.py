"""tutorial_lib.datasets: source parameters, determinism, honest examples, offline, bad input."""

import socket

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from tutorial_lib import datasets
from tutorial_lib.datasets import (
    FAILURE_CASES,
    load_blobs_a,
    load_blobs_b,
    load_image,
    load_penguins,
    make_failure_case,
    make_scaling_matters,
)


def kmeans_ari(X, y, k):
    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)
    return adjusted_rand_score(y, labels)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a data loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_blobs_a_is_source_a_call():
    df = load_blobs_a()
    X, y = make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)
    assert list(df.columns) == ["x", "y", "label"]
    assert df.shape == (400, 3)
    np.testing.assert_array_equal(df[["x", "y"]].to_numpy(), X)
    np.testing.assert_array_equal(df["label"].to_numpy(), y)
    assert df["label"].dtype == np.int64
    assert sorted(df["label"].unique()) == [0, 1, 2]


def test_blobs_b_is_source_b_call_and_takes_a_seed():
    df = load_blobs_b()
    X, y = make_blobs(
        n_samples=500, centers=[[1, 1], [-1, -1], [1, -1]], cluster_std=0.4, random_state=0
    )
    assert list(df.columns) == ["x", "y", "label"]
    np.testing.assert_array_equal(df[["x", "y"]].to_numpy(), X)
    np.testing.assert_array_equal(df["label"].to_numpy(), y)
    other = load_blobs_b(random_state=1)
    assert other.shape == (500, 3)
    assert not np.allclose(other[["x", "y"]].to_numpy(), X)
    pd.testing.assert_frame_equal(load_blobs_b(random_state=1), other)


def test_loaders_are_deterministic():
    pd.testing.assert_frame_equal(load_blobs_a(), load_blobs_a())
    pd.testing.assert_frame_equal(make_scaling_matters(), make_scaling_matters())
    for name in FAILURE_CASES:
        X1, y1 = make_failure_case(name)
        X2, y2 = make_failure_case(name)
        np.testing.assert_array_equal(X1, X2)
        np.testing.assert_array_equal(y1, y2)


def test_scaling_matters_shape_and_scales():
    df = make_scaling_matters()
    assert list(df.columns) == ["annual_income_eur", "age_years", "label"]
    assert df.shape == (300, 3)
    assert df["label"].value_counts().to_dict() == {0: 150, 1: 150}
    assert df["annual_income_eur"].std() > 500 * df["age_years"].std()
    assert df["age_years"].between(16, 90).all()
    assert len(make_scaling_matters(n_samples=41)) == 41


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scaling_matters_raw_kmeans_fails_standardised_kmeans_recovers(seed):
    df = make_scaling_matters(random_state=seed)
    X = df[["annual_income_eur", "age_years"]].to_numpy()
    y = df["label"].to_numpy()
    raw = kmeans_ari(X, y, 2)
    scaled = kmeans_ari(StandardScaler().fit_transform(X), y, 2)
    assert raw < 0.1, raw
    assert scaled > 0.9, scaled
    # Unscaled k-means splits along income: its two clusters barely differ in age.
    raw_labels = KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(X)
    by_cluster = df.groupby(raw_labels)[["annual_income_eur", "age_years"]].mean()
    assert abs(by_cluster["age_years"].diff().iloc[-1]) < 8
    assert abs(by_cluster["annual_income_eur"].diff().iloc[-1]) > 15_000


def test_failure_cases_names_shapes_labels():
    assert FAILURE_CASES == ("moons", "circles", "anisotropic", "unequal_variance", "unequal_sizes")
    for name in FAILURE_CASES:
        X, y = make_failure_case(name, n_samples=200, random_state=3)
        assert X.shape == (200, 2) and X.dtype == np.float64
        assert y.shape == (200,) and y.dtype == np.int64
        expected = 2 if name in ("moons", "circles") else 3
        assert np.unique(y).tolist() == list(range(expected))


def test_unequal_sizes_are_unequal():
    _, y = make_failure_case("unequal_sizes", n_samples=500)
    assert np.bincount(y).tolist() == [400, 50, 50]


def test_anisotropic_is_a_linear_map_of_blobs():
    X, y = make_failure_case("anisotropic", random_state=5)
    blobs, y_blobs = make_blobs(n_samples=500, centers=datasets._GALLERY_CENTERS, random_state=5)
    np.testing.assert_allclose(X, blobs @ np.array([[0.6, -0.6], [-0.4, 0.8]]))
    np.testing.assert_array_equal(y, y_blobs)


def test_gallery_centres_are_make_blobs_seed_170():
    _, _, centers = make_blobs(n_samples=30, random_state=170, return_centers=True)
    np.testing.assert_allclose(datasets._GALLERY_CENTERS, centers, atol=1e-8)


@pytest.mark.parametrize("name", FAILURE_CASES)
def test_kmeans_really_fails_on_failure_cases(name):
    X, y = make_failure_case(name, n_samples=300, random_state=1)
    assert kmeans_ari(X, y, len(np.unique(y))) < 0.85


def test_penguins_are_raw_and_offline(no_network):
    df = load_penguins()
    assert df.shape == (344, 8)
    assert list(df.columns) == [
        "species",
        "island",
        "bill_length_mm",
        "bill_depth_mm",
        "flipper_length_mm",
        "body_mass_g",
        "sex",
        "year",
    ]
    assert df["species"].value_counts().to_dict() == {"Adelie": 152, "Gentoo": 124, "Chinstrap": 68}
    assert df["bill_length_mm"].isna().sum() == 2
    assert df["sex"].isna().sum() == 11


def test_image_is_float_in_unit_range_and_offline(no_network):
    img = load_image()
    assert img.shape == (427, 640, 3)
    assert img.dtype == np.float64
    assert img.min() >= 0.0 and img.max() <= 1.0
    assert img.max() == 1.0  # scaled by 255, not by the image's own maximum
    flower = load_image("flower.jpg")
    assert flower.shape == (427, 640, 3)
    assert not np.allclose(img, flower)


def test_unknown_failure_case_names_the_options():
    with pytest.raises(ValueError, match="'spirals'.*'moons'"):
        make_failure_case("spirals")


def test_unknown_image_names_the_options():
    with pytest.raises(ValueError, match="'cat.jpg'.*'china.jpg'.*'flower.jpg'"):
        load_image("cat.jpg")


@pytest.mark.parametrize("bad", [0, -5])
def test_too_few_samples(bad):
    with pytest.raises(ValueError, match=f"n_samples={bad}.*at least 1"):
        make_failure_case("moons", n_samples=bad)
    with pytest.raises(ValueError, match=f"n_samples={bad}.*at least 1"):
        make_scaling_matters(n_samples=bad)


def test_fewer_samples_than_groups():
    with pytest.raises(ValueError, match="n_samples=2 is too small.*'anisotropic'.*at least 3"):
        make_failure_case("anisotropic", n_samples=2)
    with pytest.raises(ValueError, match="n_samples=1 is too small.*at least 2"):
        make_scaling_matters(n_samples=1)
    X, y = make_failure_case("unequal_sizes", n_samples=3)
    assert np.bincount(y).tolist() == [1, 1, 1]


@pytest.mark.parametrize("bad", [2.5, "100", None, True])
def test_n_samples_must_be_a_whole_number(bad):
    with pytest.raises(TypeError, match="n_samples must be a whole number"):
        make_failure_case("circles", n_samples=bad)


def test_make_grid_blobs_is_data_where_the_elbow_and_the_silhouette_disagree():
    from kneed import KneeLocator
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler

    from tutorial_lib import make_grid_blobs

    data = make_grid_blobs()
    assert data.shape == (300, 3) and sorted(data["label"].unique()) == list(range(6))
    assert data.equals(make_grid_blobs()) and not data.equals(make_grid_blobs(random_state=1))
    Z = StandardScaler().fit_transform(data[["x", "y"]].to_numpy())
    ks = list(range(1, 11))
    fits = {k: KMeans(n_clusters=k, n_init=3, random_state=0).fit(Z) for k in ks}
    knee = KneeLocator(ks, [fits[k].inertia_ for k in ks], curve="convex",
                       direction="decreasing").knee
    best_silhouette = max(ks[1:], key=lambda k: silhouette_score(Z, fits[k].labels_))
    assert best_silhouette == 6 and knee < 6
