"""tutorial_lib.stepper: the half-steps of Lloyd's algorithm (notebook 03's stepper)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from tutorial_lib import KMeans  # noqa: E402
from tutorial_lib.stepper import lloyd_stepper, n_half_steps, plot_lloyd_step  # noqa: E402

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0], [9.0, 0.0]])
START = np.array([[0.0, 0.0], [1.0, 0.0], [9.0, 0.0]])


@pytest.fixture
def history():
    return KMeans(n_clusters=3, init=START, n_init=1).fit(X).history_


def crosses(ax):
    """The centres drawn on ax: the offsets of the collection labelled 'centres'."""
    (found,) = [c for c in ax.collections if c.get_label() == "centres"]
    return np.asarray(found.get_offsets())


def test_half_steps_count_an_assignment_and_a_move_per_entry(history):
    # a converged run's history ends with the final result, a copy of the confirming
    # assignment: the stepper does not show it twice
    np.testing.assert_array_equal(history[-1]["labels"], history[-2]["labels"])
    assert n_half_steps(history) == 2 * (len(history) - 1) - 1
    capped = KMeans(n_clusters=3, init=START, n_init=1, max_iter=1).fit(X).history_
    assert n_half_steps(capped) == 2 * len(capped) - 1
    with pytest.raises(ValueError, match="non-empty"):
        n_half_steps([])


def test_an_assignment_shows_the_entrys_centres_and_a_move_the_means(history):
    fig, (ax0, ax1) = plt.subplots(1, 2)
    plot_lloyd_step(X, history, 0, ax=ax0)
    plot_lloyd_step(X, history, 1, ax=ax1)
    np.testing.assert_allclose(crosses(ax0), START)
    labels = ((X[:, None, :] - START[None]) ** 2).sum(axis=2).argmin(axis=1)
    means = np.array([X[labels == j].mean(axis=0) for j in range(3)])
    np.testing.assert_allclose(crosses(ax1), means)
    assert "assign" in ax0.get_title() and "move" in ax1.get_title()
    assert any(c.get_label() == "before the move" for c in ax1.collections)
    plt.close(fig)


def test_the_last_half_step_says_nothing_changed(history):
    ax = plot_lloyd_step(X, history, n_half_steps(history) - 1)
    assert "no label changed" in ax.get_title()
    plt.close(ax.figure)


@pytest.mark.parametrize(("step", "error"), [(-1, ValueError), (99, ValueError), (1.5, TypeError)])
def test_a_step_out_of_range_is_a_clear_error(history, step, error):
    with pytest.raises(error, match="step"):
        plot_lloyd_step(X, history, step)
    plt.close("all")


def test_the_stepper_is_a_slider_over_every_half_step(history):
    widgets = pytest.importorskip("ipywidgets")
    box = lloyd_stepper(X, history)
    assert isinstance(box, widgets.VBox)
    controls, _ = box.children
    play, slider = controls.children
    assert slider.min == 0 and slider.max == n_half_steps(history) - 1
    assert play.max == slider.max
    plt.close("all")
