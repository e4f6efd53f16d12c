"""tutorial_lib.plotting: what was drawn (points, centres, titles, labels, legends, counts),
that the given Axes come back, that no global setting changes, and clear errors on bad input."""

import matplotlib
import matplotlib.figure
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex, to_rgb
from sklearn.metrics import confusion_matrix

from tutorial_lib import plotting
from tutorial_lib.plotting import (
    NOISE_COLOR,
    PALETTE,
    plot_clusters,
    plot_confusion_matrix,
    plot_elbow,
    plot_iterations,
    plot_right_wrong,
    plot_silhouette_diagram,
    plot_silhouette_scores,
    plot_truth_vs_prediction,
    plot_wcss_history,
)

RNG = np.random.default_rng(0)
CENTERS = np.array([[0.0, 0.0], [6.0, 0.0], [3.0, 5.0]])
Y = np.repeat([0, 1, 2], [20, 15, 10])
X = CENTERS[Y] + RNG.normal(scale=0.8, size=(len(Y), 2))
K_VALUES = np.arange(1, 11)
INERTIAS = np.array([1000.0, 459.6, 141.4, 123.3, 106.5, 97.2, 85.2, 79.4, 66.7, 56.4])
SCORES = np.array([np.nan, 0.511, 0.644, 0.531, 0.401, 0.401, 0.397, 0.302, 0.327, 0.341])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def ax():
    _, ax = plt.subplots()
    return ax


def lloyd_history(X, start, n_iter=4):
    """A KMeans.history_-like list computed here with numpy (entry 0 = the start)."""
    centers, history = np.asarray(start, dtype=float), []
    for i in range(n_iter):
        labels = ((X[:, None, :] - centers[None]) ** 2).sum(axis=2).argmin(axis=1)
        inertia = float(((X - centers[labels]) ** 2).sum())
        entry = {"iteration": i, "centers": centers.copy(), "labels": labels, "inertia": inertia}
        history.append(entry)
        centers = np.array([X[labels == j].mean(axis=0) for j in range(len(centers))])
    return history


HISTORY = lloyd_history(X, X[[0, 1, 2]], n_iter=5)


def scatters(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def by_label(ax):
    return {c.get_label(): c for c in scatters(ax)}


def n_points(ax, exclude=("centres", "previous centres")):
    return sum(len(c.get_offsets()) for c in scatters(ax) if c.get_label() not in exclude)


def legend_texts(ax):
    legend = ax.get_legend()
    return [t.get_text() for t in legend.get_texts()] if legend else []


def face_hex(collection):
    return to_hex(collection.get_facecolor()[0], keep_alpha=False)


# --- every function: returns the Axes, titles and labels, no global changes, no show/savefig ---
CALLS = {
    "plot_clusters": lambda ax: plot_clusters(X, Y, CENTERS, ax=ax),
    "plot_truth_vs_prediction": lambda ax: plot_truth_vs_prediction(
        X, Y, (Y + 1) % 3, CENTERS, axes=[ax, ax.figure.add_subplot(2, 2, 4)]
    )[0],
    "plot_iterations": lambda ax: plot_iterations(X, HISTORY, steps=[1], axes=[ax])[0],
    "plot_wcss_history": lambda ax: plot_wcss_history([h["inertia"] for h in HISTORY], ax=ax),
    "plot_elbow": lambda ax: plot_elbow(K_VALUES, INERTIAS, chosen_k=3, ax=ax),
    "plot_silhouette_scores": lambda ax: plot_silhouette_scores(
        K_VALUES, SCORES, chosen_k=3, ax=ax
    ),
    "plot_silhouette_diagram": lambda ax: plot_silhouette_diagram(
        np.linspace(-0.2, 0.9, 45), Y, ax=ax
    ),
    "plot_confusion_matrix": lambda ax: plot_confusion_matrix(Y, (Y + 1) % 3, ax=ax),
    "plot_right_wrong": lambda ax: plot_right_wrong(X, Y, (Y + 1) % 3, ax=ax),
    "plot_error_counts": lambda ax: plotting.plot_error_counts([1, 2, 2], marked=1, ax=ax),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_returns_given_axes_titled_labelled_and_changes_nothing_global(name, ax, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("plotting helpers must not show or save figures")

    monkeypatch.setattr(plt, "show", forbidden)
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", forbidden)
    before = matplotlib.rcParams.copy()
    n_figures = len(plt.get_fignums())
    out = CALLS[name](ax)
    assert out is ax
    assert ax.get_title()
    assert ax.get_xlabel()
    assert ax.get_ylabel()
    assert dict(matplotlib.rcParams) == dict(before)
    assert len(plt.get_fignums()) == n_figures  # drew on the given Axes, no new figure


@pytest.mark.parametrize(
    "call",
    [
        lambda: plot_clusters(X, Y),
        lambda: plot_wcss_history([3.0, 2.0, 1.0]),
        lambda: plot_elbow(K_VALUES, INERTIAS),
        lambda: plot_silhouette_scores(K_VALUES, SCORES),
        lambda: plot_silhouette_diagram(np.zeros(len(Y)), Y),
        lambda: plot_confusion_matrix(Y, Y),
        lambda: plot_right_wrong(X, Y, Y),
    ],
)
def test_without_ax_a_new_figure_is_made_and_its_axes_returned(call):
    before = matplotlib.rcParams.copy()
    out = call()
    assert isinstance(out, matplotlib.axes.Axes)
    assert out.figure in [plt.figure(n) for n in plt.get_fignums()]
    assert dict(matplotlib.rcParams) == dict(before)


# --- plot_clusters ---
def test_plot_clusters_draws_every_point_one_group_per_label_and_the_centres(ax):
    plot_clusters(X, Y, CENTERS, ax=ax, title="Blobs", xlabel="feature 1", ylabel="feature 2")
    groups = by_label(ax)
    assert set(groups) == {"0", "1", "2", "centres"}
    assert [len(groups[str(j)].get_offsets()) for j in range(3)] == [20, 15, 10]
    assert n_points(ax) == len(X)
    np.testing.assert_allclose(groups["centres"].get_offsets(), CENTERS)
    np.testing.assert_allclose(groups["1"].get_offsets(), X[Y == 1])
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Blobs", "feature 1", "feature 2")
    assert legend_texts(ax) == ["0", "1", "2", "centres"]
    assert [face_hex(groups[str(j)]) for j in range(3)] == [c.lower() for c in PALETTE[:3]]


def test_plot_clusters_accepts_string_labels_and_a_dataframe(ax):
    import pandas as pd

    names = np.array(["A", "B", "C"])[Y]
    frame = pd.DataFrame(X, columns=["x", "y"])
    plot_clusters(frame, pd.Series(names), ax=ax)
    assert legend_texts(ax) == ["A", "B", "C"]
    assert n_points(ax) == len(X)
    colours = {face_hex(c) for c in scatters(ax)}
    assert len(colours) == 3
    assert ax.get_title() == "Clusters"


def test_plot_clusters_draws_noise_grey_and_last(ax):
    labels = Y.copy()
    labels[::5] = -1
    plot_clusters(X, labels, ax=ax)
    groups = by_label(ax)
    assert legend_texts(ax) == ["0", "1", "2", "noise (-1)"]
    assert len(groups["noise (-1)"].get_offsets()) == int((labels == -1).sum())
    assert face_hex(groups["noise (-1)"]) == NOISE_COLOR.lower()
    assert NOISE_COLOR.lower() not in {face_hex(groups[str(j)]) for j in range(3)}
    assert n_points(ax) == len(X)


def test_dataframe_column_names_label_the_axes(ax):
    import pandas as pd

    frame = pd.DataFrame(X, columns=["income", "age"])
    plot_clusters(frame, Y, ax=ax)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("income", "age")
    plot_clusters(frame, Y, ax=ax, xlabel="a", ylabel="b")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("a", "b")
    axes = plot_truth_vs_prediction(frame, Y, Y)
    assert [a.get_xlabel() for a in axes] == ["income", "income"]
    assert plot_right_wrong(frame, Y, Y).get_ylabel() == "age"
    assert plot_iterations(frame, HISTORY, steps=[0])[0].get_xlabel() == "income"


def test_plot_clusters_many_labels_get_distinct_colours(ax):
    labels = np.arange(len(X)) % 12
    plot_clusters(X, labels, ax=ax)
    assert len({face_hex(c) for c in scatters(ax)}) == 12


def test_plot_clusters_without_labels_draws_one_group_and_no_legend(ax):
    plot_clusters(X, ax=ax)
    assert len(scatters(ax)) == 1
    assert n_points(ax) == len(X)
    assert ax.get_legend() is None
    assert ax.get_title() == "Data without labels"


def test_plot_clusters_does_not_modify_inputs(ax):
    X_copy, Y_copy = X.copy(), Y.copy()
    plot_clusters(X, Y, CENTERS, ax=ax)
    np.testing.assert_array_equal(X, X_copy)
    np.testing.assert_array_equal(Y, Y_copy)


# --- plot_truth_vs_prediction ---
def test_truth_vs_prediction_two_panels(ax):
    other = ax.figure.add_subplot(2, 2, 4)
    pred = np.array(["c0", "c1", "c2"])[(Y + 1) % 3]
    axes = plot_truth_vs_prediction(X, Y, pred, CENTERS, axes=[ax, other])
    assert isinstance(axes, np.ndarray) and axes.shape == (2,)
    assert axes[0] is ax and axes[1] is other
    assert [a.get_title() for a in axes] == ["True groups", "Predicted clusters"]
    assert [a.get_legend().get_title().get_text() for a in axes] == ["true label", "cluster"]
    assert legend_texts(axes[0]) == ["0", "1", "2"]
    assert legend_texts(axes[1]) == ["c0", "c1", "c2", "centres"]
    assert n_points(axes[0]) == n_points(axes[1]) == len(X)
    assert "centres" not in by_label(axes[0])
    assert len(by_label(axes[1])["centres"].get_offsets()) == 3


def test_truth_vs_prediction_new_figure():
    axes = plot_truth_vs_prediction(X, Y, Y)
    assert axes.shape == (2,) and axes[0].figure is axes[1].figure


def test_truth_vs_prediction_needs_two_axes(ax):
    with pytest.raises(ValueError, match="axes holds 1 Axes but 2 panels"):
        plot_truth_vs_prediction(X, Y, Y, axes=[ax])


# --- plot_iterations ---
def test_plot_iterations_one_panel_per_entry_with_points_centres_and_titles():
    axes = plot_iterations(X, HISTORY)
    assert len(axes) == len(HISTORY)
    for a, entry in zip(axes, HISTORY, strict=True):
        groups = by_label(a)
        assert n_points(a) == len(X)
        np.testing.assert_allclose(groups["centres"].get_offsets(), entry["centers"])
        assert a.get_xlabel() == "x" and a.get_ylabel() == "y"
        for j in np.unique(entry["labels"]):
            np.testing.assert_allclose(groups[str(j)].get_offsets(), X[entry["labels"] == j])
    assert axes[0].get_title() == f"Start: WCSS = {HISTORY[0]['inertia']:.4g}"
    assert axes[2].get_title().startswith("Iteration 2: WCSS = ")
    assert "previous centres" not in by_label(axes[0])
    np.testing.assert_allclose(
        by_label(axes[1])["previous centres"].get_offsets(), HISTORY[0]["centers"]
    )
    assert legend_texts(axes[-1]) == ["previous centres", "centres"]


def test_plot_iterations_regions_are_coloured_by_nearest_centre():
    ax = plot_iterations(X, HISTORY, steps=[-1])[0]
    (image,) = ax.get_images()
    rgb = np.asarray(image.get_array())[..., :3]
    x0, x1, y0, y1 = image.get_extent()
    ny, nx = rgb.shape[:2]
    centers = HISTORY[-1]["centers"]
    tints = 1 - plotting.REGION_TINT * (1 - np.array([to_rgb(c) for c in PALETTE[:3]]))
    # every grid cell has the colour of its nearest centre
    gx = np.linspace(x0, x1, nx)
    gy = np.linspace(y0, y1, ny)
    grid = np.stack(np.meshgrid(gx, gy), axis=-1)
    nearest = ((grid[:, :, None, :] - centers) ** 2).sum(axis=-1).argmin(axis=-1)
    np.testing.assert_allclose(rgb, tints[nearest])
    assert len(np.unique(nearest)) == 3
    assert ax.get_title().startswith("Iteration 4")


def test_plot_iterations_default_steps_show_at_most_six_from_first_to_last():
    history = lloyd_history(X, X[[0, 1, 2]], n_iter=10)
    axes = plot_iterations(X, history)
    assert len(axes) == 6
    assert axes[0].get_title().startswith("Start")
    assert axes[-1].get_title().startswith("Iteration 9")
    assert len(axes[0].figure.axes) == 6


def test_plot_iterations_computes_missing_labels_and_inertia():
    history = [{"centers": h["centers"]} for h in HISTORY[:2]]
    axes = plot_iterations(X, history)
    assert [a.get_title() for a in axes] == ["Start", "Iteration 1"]
    assert n_points(axes[0]) == len(X)


def test_plot_iterations_bad_input(ax):
    with pytest.raises(ValueError, match="history is empty"):
        plot_iterations(X, [])
    with pytest.raises(TypeError, match="history must be a list of dicts"):
        plot_iterations(X, HISTORY[0])
    with pytest.raises(ValueError, match="decision regions can only be drawn for 2"):
        plot_iterations(np.c_[X, X[:, 0]], HISTORY)
    with pytest.raises(ValueError, match="step 7 is out of range"):
        plot_iterations(X, HISTORY, steps=[7])
    with pytest.raises(TypeError, match="steps must hold whole numbers"):
        plot_iterations(X, HISTORY, steps=[1.5])
    with pytest.raises(ValueError, match="axes holds 1 Axes but 2 panels"):
        plot_iterations(X, HISTORY, steps=[0, 1], axes=[ax])
    bad = [dict(HISTORY[0]), dict(HISTORY[1], centers=HISTORY[1]["centers"][:2])]
    message = r"history\[1\]\['centers'\] has 2 centres but history\[0\] has 3"
    with pytest.raises(ValueError, match=message):
        plot_iterations(X, bad)
    message = r"history\[0\]\['labels'\] has 3 entries but there are 45"
    with pytest.raises(ValueError, match=message):
        plot_iterations(X, [dict(HISTORY[0], labels=[0, 1, 2])])
    message = r"history\[0\]\['centers'\] has shape \(3, 3\).*3 features here, 2 in X"
    with pytest.raises(ValueError, match=message):
        plot_iterations(X, [dict(HISTORY[0], centers=np.ones((3, 3)))])


# --- line plots ---
def test_plot_wcss_history_draws_each_value(ax):
    values = [h["inertia"] for h in HISTORY]
    plot_wcss_history(values, ax=ax)
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), np.arange(len(values)))
    np.testing.assert_allclose(line.get_ydata(), values)
    assert ax.get_title() == "WCSS after each iteration"
    assert ax.get_xlabel() == "iteration (0 = start)"
    assert ax.get_ylabel() == "WCSS (inertia)"


def test_plot_elbow_marks_the_chosen_k(ax):
    plot_elbow(K_VALUES, INERTIAS, chosen_k=3, ax=ax)
    curve, vline = ax.get_lines()
    np.testing.assert_array_equal(curve.get_xdata(), K_VALUES)
    np.testing.assert_allclose(curve.get_ydata(), INERTIAS)
    assert list(vline.get_xdata()) == [3, 3]
    (ring,) = scatters(ax)
    np.testing.assert_allclose(ring.get_offsets(), [[3, 141.4]])
    assert legend_texts(ax) == ["chosen k = 3"]
    assert ax.get_title() == "Elbow method: WCSS for each k"
    assert ax.get_xlabel() == "number of clusters k"


def test_plot_elbow_without_chosen_k_has_no_marker(ax):
    plot_elbow(K_VALUES, INERTIAS, ax=ax)
    assert len(ax.get_lines()) == 1 and not scatters(ax) and ax.get_legend() is None


def test_plot_silhouette_scores_skips_nan_and_marks_k(ax):
    plot_silhouette_scores(K_VALUES, SCORES, chosen_k=3, ax=ax)
    curve = ax.get_lines()[0]
    np.testing.assert_array_equal(curve.get_xdata(), K_VALUES[1:])
    np.testing.assert_allclose(curve.get_ydata(), SCORES[1:])
    np.testing.assert_allclose(scatters(ax)[0].get_offsets(), [[3, 0.644]])
    assert legend_texts(ax) == ["chosen k = 3"]
    assert ax.get_title() == "Silhouette score for each k"
    assert ax.get_ylabel() == "mean silhouette score"


# --- silhouette diagram ---
def test_plot_silhouette_diagram_one_band_per_cluster_and_the_mean(ax):
    values = np.linspace(-0.2, 0.9, len(Y))
    labels = np.array(["A", "B", "C"])[Y]
    plot_silhouette_diagram(values, labels, ax=ax)
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 3
    names = [t.get_text() for t in ax.texts]
    assert names == ["A", "B", "C"]
    mean_line = [ln for ln in ax.get_lines() if ln.get_label().startswith("mean")]
    assert len(mean_line) == 1
    assert mean_line[0].get_xdata()[0] == pytest.approx(values.mean())
    assert legend_texts(ax) == [f"mean = {values.mean():.3f}"]
    assert ax.get_title() == "Silhouette diagram (3 clusters)"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("silhouette value", "cluster")
    # each band is as tall as its cluster: the y extent of the band spans its sample count
    heights = [np.ptp(b.get_paths()[0].vertices[:, 1]) + 1 for b in bands]
    assert heights == [20, 15, 10]


# --- confusion matrix ---
def test_plot_confusion_matrix_annotations_are_sklearns_counts(ax):
    y_true = np.array(["A", "B", "C"])[Y]
    y_pred = y_true.copy()
    y_pred[[0, 1, 25, 40]] = ["B", "C", "A", "B"]
    plot_confusion_matrix(y_true, y_pred, ax=ax)
    expected = confusion_matrix(y_true, y_pred, labels=["A", "B", "C"])
    assert [t.get_text() for t in ax.texts] == [str(v) for v in expected.ravel()]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    assert ax.get_xlabel() == "predicted (aligned) label"
    assert ax.get_ylabel() == "true label"
    assert ax.get_title() == "Confusion matrix"


def test_plot_confusion_matrix_label_order_title_and_extra_predicted_label(ax):
    y_true = np.array([0, 0, 1, 1, 2, 2])
    y_pred = np.array([0, 3, 1, 1, 2, 0])
    plot_confusion_matrix(y_true, y_pred, labels=[2, 1, 0, 3], ax=ax, title="Test data")
    expected = confusion_matrix(y_true, y_pred, labels=[2, 1, 0, 3])
    assert [t.get_text() for t in ax.texts] == [str(v) for v in expected.ravel()]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2", "1", "0", "3"]
    assert ax.get_title() == "Test data"


def test_plot_confusion_matrix_refuses_text_against_cluster_ids(ax):
    with pytest.raises(TypeError, match="align_labels"):
        plot_confusion_matrix(["A", "B", "A"], [0, 1, 0], ax=ax)


def test_plot_confusion_matrix_labels_must_cover_the_truth(ax):
    with pytest.raises(ValueError, match=r"leave out true label\(s\) \[2\]"):
        plot_confusion_matrix([0, 1, 2], [0, 1, 1], labels=[0, 1], ax=ax)


# --- right / wrong ---
def test_plot_right_wrong_counts_markers_and_colours(ax):
    y_pred = Y.copy()
    wrong = np.array([3, 17, 30])
    y_pred[wrong] = (Y[wrong] + 1) % 3
    plot_right_wrong(X, Y, y_pred, ax=ax)
    groups = by_label(ax)
    assert set(groups) == {"correct (42)", "wrong (3)"}
    assert legend_texts(ax) == ["correct (42)", "wrong (3)"]
    np.testing.assert_allclose(groups["wrong (3)"].get_offsets(), X[wrong])
    assert len(groups["correct (42)"].get_offsets()) == 42
    right_c, wrong_c = groups["correct (42)"], groups["wrong (3)"]
    assert face_hex(right_c) != face_hex(wrong_c)
    assert not np.array_equal(right_c.get_paths()[0].vertices, wrong_c.get_paths()[0].vertices)
    assert wrong_c.get_zorder() > right_c.get_zorder()
    assert ax.get_title() == "Correct and wrong assignments: 3 of 45 wrong"


def test_plot_right_wrong_all_correct_still_has_both_legend_entries(ax):
    plot_right_wrong(X, np.array(["A", "B", "C"])[Y], np.array(["A", "B", "C"])[Y], ax=ax)
    assert legend_texts(ax) == ["correct (45)", "wrong (0)"]


# --- bad input ---
BAD_X = [
    (np.array([[0.0, np.nan], [1.0, 1.0], [2.0, 2.0]]), ValueError, "NaN"),
    (np.empty((0, 2)), ValueError, "0 sample"),
    (np.array([1.0, 2.0, 3.0]), ValueError, "2-D"),
    (np.array([[1.0], [2.0], [3.0]]), ValueError, "needs 2"),
    ([["a", "b"], ["c", "d"], ["e", "f"]], TypeError, "numbers only"),
]


@pytest.mark.parametrize("bad, error, message", BAD_X)
def test_bad_X_is_refused_by_every_scatter_plot(bad, error, message):
    y = [0, 1, 0]
    for call in (
        lambda: plot_clusters(bad, y),
        lambda: plot_truth_vs_prediction(bad, y, y),
        lambda: plot_right_wrong(bad, y, y),
    ):
        with pytest.raises(error, match=message):
            call()


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="labels has 44 entries but there are 45 samples"):
        plot_clusters(X, Y[:-1])
    with pytest.raises(ValueError, match="y_pred has 44 entries"):
        plot_truth_vs_prediction(X, Y, Y[:-1])
    with pytest.raises(ValueError, match="y_true has 44 entries"):
        plot_right_wrong(X, Y[:-1], Y)
    with pytest.raises(ValueError, match="y_pred has 2 entries but there are 3"):
        plot_confusion_matrix([0, 1, 2], [0, 1])
    with pytest.raises(ValueError, match="inertias has 9 entries but k_values has 10"):
        plot_elbow(K_VALUES, INERTIAS[:-1])
    with pytest.raises(ValueError, match="scores has 9 entries but k_values has 10"):
        plot_silhouette_scores(K_VALUES, SCORES[1:])
    with pytest.raises(ValueError, match="labels has 44 entries but there are 45"):
        plot_silhouette_diagram(np.zeros(45), Y[:-1])


def test_bad_centres_are_refused():
    with pytest.raises(ValueError, match=r"centers has shape \(3, 3\).*3 features here, 2 in X"):
        plot_clusters(X, Y, np.zeros((3, 3)))
    with pytest.raises(ValueError, match="centers contains 1 NaN"):
        plot_clusters(X, Y, [[0.0, np.nan]])


def test_bad_values_for_line_plots_are_refused():
    with pytest.raises(ValueError, match="inertias contains NaN or infinity"):
        plot_wcss_history([3.0, np.nan, 1.0])
    with pytest.raises(ValueError, match="inertias is empty"):
        plot_wcss_history([])
    with pytest.raises(ValueError, match="must be 1-D"):
        plot_wcss_history([[1.0, 2.0]])
    with pytest.raises(TypeError, match="numbers only"):
        plot_wcss_history(["a", "b"])
    with pytest.raises(ValueError, match="whole numbers >= 1"):
        plot_elbow([0.5, 1.5], [2.0, 1.0])
    with pytest.raises(ValueError, match="chosen_k=11 is not one of k_values"):
        plot_elbow(K_VALUES, INERTIAS, chosen_k=11)
    with pytest.raises(ValueError, match="chosen_k=1 is not one of k_values"):
        plot_silhouette_scores(K_VALUES, SCORES, chosen_k=1)  # k=1 has no silhouette
    with pytest.raises(ValueError, match="between -1 and 1"):
        plot_silhouette_scores([2, 3], [0.5, 1.5])
    with pytest.raises(ValueError, match="only NaN"):
        plot_silhouette_scores([1], [np.nan])


def test_bad_silhouette_diagram_input_is_refused():
    with pytest.raises(ValueError, match="between -1 and 1"):
        plot_silhouette_diagram([0.5, 2.0], [0, 1])
    with pytest.raises(ValueError, match="sample_values contains NaN"):
        plot_silhouette_diagram([0.5, np.nan], [0, 1])
    with pytest.raises(ValueError, match="sample_values is empty"):
        plot_silhouette_diagram([], [])


def test_ax_must_be_an_axes():
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plot_clusters(X, Y, ax="left")
    with pytest.raises(TypeError, match="axes must hold matplotlib Axes"):
        plot_truth_vs_prediction(X, Y, Y, axes=[1, 2])


def test_style_is_defined_once_in_the_module():
    assert len(PALETTE) == len(set(PALETTE)) >= 6
    assert NOISE_COLOR not in PALETTE
    assert plotting.CENTER_SIZE > plotting.POINT_SIZE


def test_plot_clusters_legend_title_can_say_cluster():
    import matplotlib.pyplot as plt
    import numpy as np

    from tutorial_lib import plot_clusters

    X = np.array([[0.0, 0.0], [1.0, 1.0], [5.0, 5.0]])
    ax = plot_clusters(X, [0, 0, 1], legend_title="cluster")
    assert ax.get_legend().get_title().get_text() == "cluster"
    ax = plot_clusters(X, ["A", "A", "B"])
    assert ax.get_legend().get_title().get_text() == "label"
    plt.close("all")


# --- notebook 05's helpers: plot_knee_rule, plot_clusters_and_silhouette, plot_k_votes ---
def test_plot_knee_rule_marks_the_largest_gap_below_the_chord(ax):
    from tutorial_lib.plotting import plot_knee_rule

    out = plot_knee_rule(K_VALUES, INERTIAS, ax=ax)
    assert out is ax and ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    # the gap computed here by hand: rescale both axes, 1 - k - w is largest at k = 3
    k = (K_VALUES - 1) / 9
    w = (INERTIAS - INERTIAS.min()) / (INERTIAS.max() - INERTIAS.min())
    best = int(np.argmax(1 - k - w))
    bar = [c for c in ax.collections if "largest gap" in c.get_label()]
    assert len(bar) == 1 and "k = 3" in bar[0].get_label()
    (x0, y0), (x1, y1) = bar[0].get_segments()[0]
    assert x0 == pytest.approx(k[best])
    assert sorted([y0, y1]) == pytest.approx(sorted([w[best], 1 - k[best]]))


def test_plot_knee_rule_refuses_a_curve_without_a_knee(ax):
    from tutorial_lib.plotting import plot_knee_rule

    with pytest.raises(ValueError, match="no knee"):
        plot_knee_rule([1, 2, 3, 4], [4.0, 3.0, 2.0, 1.0], ax=ax)


def test_plot_clusters_and_silhouette_draws_both_panels():
    from sklearn.metrics import silhouette_score

    from tutorial_lib.plotting import plot_clusters_and_silhouette

    fig, pair = plt.subplots(1, 2)
    axes = plot_clusters_and_silhouette(X, Y, CENTERS, axes=pair)
    assert list(axes) == list(pair)
    assert axes[0].get_title() == "k-means with k = 3"
    assert n_points(axes[0]) == len(Y)
    assert f"mean {silhouette_score(X, Y):.3f}" in axes[1].get_title()
    assert axes[1].get_legend() is None
    assert len([c for c in axes[1].collections if isinstance(c, PolyCollection)]) == 3
    new = plot_clusters_and_silhouette(X, Y)
    assert len(new) == 2 and new[0].figure is not fig


def test_plot_k_votes_bar_heights_are_the_counts(ax):
    from tutorial_lib.plotting import plot_k_votes

    winners = {"elbow": [4, 4, 3, 4, 4], "silhouette": [6, 6, 6, 5, 6]}
    out = plot_k_votes(winners, ax=ax)
    assert out is ax and ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert list(ax.get_xticks()) == [3, 4, 5, 6]
    heights = {}
    for container, name in zip(ax.containers, winners, strict=True):
        heights[name] = [round(p.get_height()) for p in container.patches]
    assert heights == {"elbow": [1, 4, 0, 0], "silhouette": [0, 0, 1, 4]}
    assert legend_texts(ax) == ["elbow", "silhouette"]


@pytest.mark.parametrize(
    "winners, error, message",
    [
        ([3, 3, 4], TypeError, "non-empty dict"),
        ({}, TypeError, "non-empty dict"),
        ({"elbow": [3, 4], "silhouette": [3]}, ValueError, "same length"),
        ({"elbow": [3, 0]}, ValueError, "whole numbers >= 1"),
    ],
)
def test_plot_k_votes_refuses_bad_input(winners, error, message, ax):
    from tutorial_lib.plotting import plot_k_votes

    with pytest.raises(error, match=message):
        plot_k_votes(winners, ax=ax)


# --- notebook 06's helper: plot_error_counts ---
def test_plot_error_counts_bar_heights_ticks_and_marked_line(ax):
    from tutorial_lib.plotting import plot_error_counts

    out = plot_error_counts([2, 4, 4, 1, 4, 2], marked=3, marked_label="seed 0",
                            n_points=500, unit="blob seeds", ax=ax)
    assert out is ax and ax.get_title() and ax.get_ylabel() == "number of blob seeds"
    assert "out of 500" in ax.get_xlabel()
    assert list(ax.get_xticks()) == [1, 2, 3, 4]  # 3 never occurs: a gap, still a tick
    assert [round(p.get_height()) for p in ax.containers[0].patches] == [1, 2, 0, 3]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [3]
    assert sorted(legend_texts(ax)) == ["6 blob seeds", "seed 0"]


def test_plot_error_counts_new_figure_and_bad_input():
    from tutorial_lib.plotting import plot_error_counts

    out = plot_error_counts([0, 0, 1])
    assert isinstance(out, matplotlib.axes.Axes) and out.get_xlabel() and out.get_title()
    assert ax_ticks(out) == [0, 1]
    for bad, message in [([1.5, 2], "whole numbers"), ([-1, 2], "whole numbers"),
                         ([], "empty")]:
        with pytest.raises(ValueError, match=message):
            plot_error_counts(bad)


def ax_ticks(ax):
    return [int(t) for t in ax.get_xticks()]
