"""Data sets of the course: deterministic, offline, documented with their source parameters.

* ``load_blobs_a`` and ``load_blobs_b``: the blob sets of the two source tutorials.
* ``make_scaling_matters``: two features on very different scales, where scaling decides
  what k-means finds.
* ``make_failure_case``: the shapes where k-means fails (moons, circles, anisotropic,
  unequal variance, unequal sizes), with their true labels.
* ``load_penguins``: the Palmer penguins, read from the CSV that ships with ``palmerpenguins``.
* ``load_image``: a sample photo that ships with scikit-learn, as floats in [0, 1].

Nothing here downloads anything, and every random draw goes through ``random_state``.
"""

from numbers import Integral

import numpy as np
import pandas as pd
from sklearn.datasets import load_sample_image, make_blobs, make_circles, make_moons
from sklearn.utils import check_random_state

from ._validation import check_option

__all__ = [
    "load_blobs_a",
    "load_blobs_b",
    "make_grid_blobs",
    "make_scaling_matters",
    "FAILURE_CASES",
    "make_failure_case",
    "load_penguins",
    "load_image",
]

#: Names accepted by :func:`make_failure_case`.
FAILURE_CASES = ("moons", "circles", "anisotropic", "unequal_variance", "unequal_sizes")

#: Names accepted by :func:`load_image` (the photos that ship with scikit-learn).
SAMPLE_IMAGES = ("china.jpg", "flower.jpg")

# The three blob centres that make_blobs(centers=3, random_state=170) draws, as used by
# scikit-learn's "Demonstration of k-means assumptions" and "Comparing different clustering
# algorithms" examples. Fixing them keeps the failure visible for every random_state.
_GALLERY_CENTERS = np.array(
    [
        [-8.94709165, -5.46276435],
        [-4.58938989, 0.08876178],
        [1.93875432, 0.50513613],
    ]
)
# The linear map of "Comparing different clustering algorithms" that stretches the blobs.
_ANISOTROPIC_TRANSFORM = np.array([[0.6, -0.6], [-0.4, 0.8]])


def _check_n_samples(n_samples, minimum=1, what=None):
    """Return n_samples as an int, or raise a clear error."""
    if isinstance(n_samples, bool) or not isinstance(n_samples, Integral):
        raise TypeError(f"n_samples must be a whole number >= 1; got {n_samples!r}.")
    if n_samples < 1:
        raise ValueError(f"n_samples={n_samples} is not allowed: it must be at least 1.")
    if n_samples < minimum:
        raise ValueError(
            f"n_samples={n_samples} is too small for {what}: it needs at least {minimum} "
            "samples (one per group)."
        )
    return int(n_samples)


def _blob_frame(X, y):
    return pd.DataFrame({"x": X[:, 0], "y": X[:, 1], "label": y.astype(np.int64)})


def load_blobs_a():
    """Return Source A's blobs: three round, overlapping groups in the plane.

    Source A ("Cluster Analysis with k-Means in Python") uses
    ``make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)``; this is
    exactly that call.

    Returns
    -------
    pandas.DataFrame of shape (400, 3)
        Columns ``"x"`` and ``"y"`` (float) and ``"label"`` (int 0, 1 or 2, the true group).
    """
    X, y = make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)
    return _blob_frame(X, y)


def load_blobs_b(random_state=0):
    """Return Source B's blobs: three tight groups around (1, 1), (-1, -1) and (1, -1).

    Source B ("Practical KMeans Clustering with Python") uses
    ``make_blobs(n_samples=500, centers=[[1, 1], [-1, -1], [1, -1]], cluster_std=0.4,
    random_state=0)``; ``random_state`` lets you draw other samples of the same design.

    Parameters
    ----------
    random_state : int, RandomState instance or None, default=0
        Passed to ``make_blobs``. An int gives the same data on every call.

    Returns
    -------
    pandas.DataFrame of shape (500, 3)
        Columns ``"x"`` and ``"y"`` (float) and ``"label"`` (int 0, 1 or 2: the index of
        the centre the point was drawn around).
    """
    X, y = make_blobs(
        n_samples=500,
        centers=[[1, 1], [-1, -1], [1, -1]],
        cluster_std=0.4,
        random_state=random_state,
    )
    return _blob_frame(X, y)


def make_scaling_matters(n_samples=300, random_state=0):
    """Return two customer groups that differ in age, measured next to income in euros.

    The groups differ only in age: group 0 is younger (age ~ Normal(33, 5) years), group 1
    older (age ~ Normal(63, 5) years). Income is drawn from the same log-normal
    distribution for everyone (median 40 000 EUR, log-scale sd 0.4, so a spread of roughly
    17 000 EUR) and carries no information about the group.

    In raw units income varies about a thousand times more than age, so k-means on the raw
    columns splits the customers by income and ignores the groups (adjusted Rand index near
    0). After standardising each column (``StandardScaler``) age dominates and k-means with
    k = 2 recovers the groups (adjusted Rand index 1.0 for the default arguments).

    Parameters
    ----------
    n_samples : int, default=300
        Number of customers, at least 2; the two groups get ``n_samples // 2`` and the rest.
    random_state : int, RandomState instance or None, default=0
        Seed of the draws. An int gives the same data on every call.

    Returns
    -------
    pandas.DataFrame of shape (n_samples, 3)
        ``"annual_income_eur"`` (float, whole euros), ``"age_years"`` (float, one decimal)
        and ``"label"`` (int: 0 younger group, 1 older group), in shuffled order.
    """
    n_samples = _check_n_samples(n_samples, minimum=2, what="make_scaling_matters")
    rng = check_random_state(random_state)
    label = rng.permutation(np.arange(n_samples) % 2)
    age = rng.normal(np.where(label == 0, 33.0, 63.0), 5.0)
    income = np.exp(rng.normal(np.log(40_000.0), 0.4, size=n_samples))
    return pd.DataFrame(
        {
            "annual_income_eur": np.round(income),
            "age_years": np.round(age, 1),
            "label": label.astype(np.int64),
        }
    )


def make_failure_case(name, n_samples=500, random_state=0):
    """Return a 2-D data set whose true groups k-means cannot find, and the true labels.

    The shapes follow scikit-learn's gallery examples "Comparing different clustering
    algorithms on toy datasets" and "Demonstration of k-means assumptions":

    ``"moons"``
        Two interleaved half circles: ``make_moons(n_samples, noise=0.05)``.
    ``"circles"``
        Two rings, one inside the other (the inner one half as wide):
        ``make_circles(n_samples, factor=0.5, noise=0.05)``.
    ``"anisotropic"``
        Three blobs (cluster_std 1) stretched by the linear map
        ``[[0.6, -0.6], [-0.4, 0.8]]``, as in the gallery: elongated, tilted groups.
    ``"unequal_variance"``
        Three blobs with ``cluster_std=[1.0, 2.5, 0.5]``: one wide group swallows the edges
        of its neighbours.
    ``"unequal_sizes"``
        One large, spread-out group (80 % of the points, cluster_std 1.5, centre (0, 0))
        next to two small, tight ones (10 % each, cluster_std 0.5, centres (4, 1.5) and
        (4, -1.5)). k-means cuts the large group and merges the small ones, as in Tan,
        Steinbach and Kumar, *Introduction to Data Mining*, "clusters of differing sizes".
        The large group is also three times as spread out, and that is what k-means trips
        on: with the same centres and sizes but every cluster_std at 0.5, it finds the three
        groups (notebook 07 shows this control).
        (The gallery's own well-separated 500/100/10 blobs are found correctly by k-means with
        ``n_init=10``, so they do not make a failure case.)

    The blob cases use the gallery's centres (those ``make_blobs(random_state=170)`` draws)
    for every ``random_state``; ``random_state`` only draws the points. With the true number
    of clusters, ``sklearn.cluster.KMeans(n_init=10)`` reaches an adjusted Rand index of
    about 0.25 (moons), 0.0 (circles), 0.5-0.65 (anisotropic), 0.8 (unequal variance) and
    0.2 (unequal sizes).

    Parameters
    ----------
    name : str
        One of :data:`FAILURE_CASES`.
    n_samples : int, default=500
        Total number of points: at least 2 for moons and circles, 3 for the blob cases.
    random_state : int, RandomState instance or None, default=0
        Seed of the draws. An int gives the same data on every call.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
        The points.
    y : ndarray of shape (n_samples,), int
        The true group of each point (0, 1 or 0, 1, 2).
    """
    check_option(name, "name", FAILURE_CASES)
    n_groups = 2 if name in ("moons", "circles") else 3
    n_samples = _check_n_samples(n_samples, minimum=n_groups, what=f"the {name!r} case")
    if name == "moons":
        X, y = make_moons(n_samples=n_samples, noise=0.05, random_state=random_state)
    elif name == "circles":
        X, y = make_circles(n_samples=n_samples, factor=0.5, noise=0.05, random_state=random_state)
    elif name == "anisotropic":
        X, y = make_blobs(n_samples=n_samples, centers=_GALLERY_CENTERS, random_state=random_state)
        X = X @ _ANISOTROPIC_TRANSFORM
    elif name == "unequal_variance":
        X, y = make_blobs(
            n_samples=n_samples,
            centers=_GALLERY_CENTERS,
            cluster_std=[1.0, 2.5, 0.5],
            random_state=random_state,
        )
    else:  # "unequal_sizes"
        small = max(1, n_samples // 10)
        X, y = make_blobs(
            n_samples=[n_samples - 2 * small, small, small],
            centers=[[0.0, 0.0], [4.0, 1.5], [4.0, -1.5]],
            cluster_std=[1.5, 0.5, 0.5],
            random_state=random_state,
        )
    return np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.int64)


def load_penguins():
    """Return the Palmer penguins data, raw, with its missing values.

    Read from the CSV file that ships inside the ``palmerpenguins`` package (version 0.1.6;
    data by Dr. Kristen Gorman and Palmer Station, Antarctica LTER): no download.

    Returns
    -------
    pandas.DataFrame of shape (344, 8)
        Columns ``species``, ``island``, ``bill_length_mm``, ``bill_depth_mm``,
        ``flipper_length_mm``, ``body_mass_g``, ``sex``, ``year``. Some measurements and
        ``sex`` are missing (NaN): drop or impute them before k-means.
    """
    try:
        from palmerpenguins import load_penguins as _load
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "load_penguins needs the 'palmerpenguins' package (it ships the data file): "
            "pip install palmerpenguins==0.1.6"
        ) from exc
    return _load()


def load_image(name="china.jpg"):
    """Return one of scikit-learn's sample photos as floats in [0, 1].

    Uses ``sklearn.datasets.load_sample_image``; the JPEG files ship with scikit-learn.

    Parameters
    ----------
    name : {"china.jpg", "flower.jpg"}, default="china.jpg"
        Which photo.

    Returns
    -------
    ndarray of shape (427, 640, 3), float64
        Red, green and blue intensities divided by 255. For k-means on colours, reshape it
        to (height * width, 3).
    """
    check_option(name, "name", SAMPLE_IMAGES)
    return np.asarray(load_sample_image(name), dtype=np.float64) / 255.0


def make_grid_blobs(random_state=0):
    """Return six round blobs on a 3 x 2 grid: data on which the elbow and the silhouette disagree.

    ``make_blobs(n_samples=300, centers=[[0, 0], [0, 4], [4, 0], [4, 4], [8, 0], [8, 4]],
    cluster_std=0.8, random_state=random_state)``. Standardised and swept over k = 1..10,
    the knee of the inertia curve comes early (the curve bends gradually when there are many
    groups), while the silhouette picks the six blobs. Notebook 05 uses it.

    Parameters
    ----------
    random_state : int, RandomState instance or None, default=0
        Passed to ``make_blobs``. An int gives the same data on every call.

    Returns
    -------
    pandas.DataFrame of shape (300, 3)
        Columns ``"x"`` and ``"y"`` (float) and ``"label"`` (int 0 to 5: the blob).
    """
    centers = [[x, y] for x in (0.0, 4.0, 8.0) for y in (0.0, 4.0)]
    X, y = make_blobs(
        n_samples=300, centers=centers, cluster_std=0.8, random_state=random_state
    )
    return _blob_frame(X, y)
