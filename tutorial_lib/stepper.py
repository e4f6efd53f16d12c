"""Step through Lloyd's algorithm half a step at a time: assign, then move (notebook 03).

``plot_lloyd_step`` draws one half-step of a fitted model's ``history_``; ``lloyd_stepper``
puts it under a slider (ipywidgets) to play with in JupyterLab, Binder or Colab. A notebook
shows the same half-steps as a static grid for readers without a live kernel.

Half-steps are numbered 0, 1, 2, ...: half-step 2i is the assignment of iteration i (each
point joins its nearest centre), half-step 2i + 1 the move that follows it (each centre goes
to the mean of its points, which are the centres of history entry i + 1).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgb

from ._validation import check_matrix
from .plotting import (
    GRID_RESOLUTION,
    LEGEND_SIZE,
    REGION_TINT,
    _axis_names,
    _check_history,
    _color_map,
    _decorate,
    _draw_centers,
    _draw_moves,
    _nearest_center,
    _new_axes,
    _number,
    _scatter_groups,
)

__all__ = ["n_half_steps", "plot_lloyd_step", "lloyd_stepper"]


def _distinct(history):
    """The entries worth a step: a converged run's history ends with the final result, a copy
    of the confirming assignment before it (same centres, same labels), which is dropped."""
    if not hasattr(history, "__len__") or isinstance(history, dict) or len(history) == 0:
        raise ValueError("history must be a non-empty list of dicts (KMeans.history_).")
    entries = list(history)
    if len(entries) > 1:
        last, before = entries[-1], entries[-2]
        same_labels = last.get("labels") is not None and before.get("labels") is not None
        if (
            same_labels
            and np.array_equal(last["labels"], before["labels"])
            and np.array_equal(np.asarray(last["centers"]), np.asarray(before["centers"]))
        ):
            entries = entries[:-1]
    return entries


def n_half_steps(history):
    """How many half-steps a history has: an assignment and a move per entry, no move after
    the last one (the assignment that changed nothing, or the one after the iteration cap)."""
    return 2 * len(_distinct(history)) - 1


def plot_lloyd_step(X, history, step, *, ax=None):
    """Draw one half-step of Lloyd's algorithm from a fitted model's history.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The data the model was fitted on.
    history : list of dict
        ``KMeans.history_`` of tutorial_lib's KMeans (scikit-learn's KMeans has no history):
        entry i holds the centres of iteration i and the labels they give.
    step : int
        The half-step, 0 <= step < n_half_steps(history): even steps assign, odd steps move.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes
    """
    xlabel, ylabel = _axis_names(X)
    X = check_matrix(X)
    if X.shape[1] != 2:
        raise ValueError(f"X has {X.shape[1]} features; the stepper draws exactly 2.")
    entries, k = _check_history(_distinct(history), X.shape[0], X.shape[1])
    total = 2 * len(entries) - 1
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)):
        raise TypeError(f"step must be a whole number; got {step!r}.")
    if not 0 <= step < total:
        raise ValueError(f"step {step} is out of range: this history has {total} half-steps.")
    ax = _new_axes(ax)
    entry = entries[step // 2]
    moving = step % 2 == 1
    centers = entry["centers"]
    labels = entry["labels"] if entry["labels"] is not None else _nearest_center(X, centers)
    new_centers = entries[step // 2 + 1]["centers"] if moving else centers

    colors = _color_map(list(range(k)))
    rgb = np.array([to_rgb(colors[j]) for j in range(k)])
    tints = 1.0 - REGION_TINT * (1.0 - rgb)
    every_center = np.vstack([e["centers"] for e in entries])
    lo = np.minimum(X.min(axis=0), every_center.min(axis=0))
    hi = np.maximum(X.max(axis=0), every_center.max(axis=0))
    pad = 0.05 * np.where(hi > lo, hi - lo, 1.0)
    lo, hi = lo - pad, hi + pad
    gx = np.linspace(lo[0], hi[0], GRID_RESOLUTION)
    gy = np.linspace(lo[1], hi[1], GRID_RESOLUTION)
    grid = np.column_stack([a.ravel() for a in np.meshgrid(gx, gy)])
    regions = _nearest_center(grid, centers).reshape(GRID_RESOLUTION, GRID_RESOLUTION)
    ax.imshow(
        tints[regions],
        extent=(lo[0], hi[0], lo[1], hi[1]),
        origin="lower",
        aspect="auto",
        interpolation="nearest",
        zorder=0,
    )
    _scatter_groups(ax, X, labels, colors)
    if moving:
        _draw_moves(ax, centers, new_centers, label="before the move", arrow_width=1.5)
    _draw_centers(ax, new_centers)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])

    iteration = entry["iteration"]
    wcss = float(((X - new_centers[labels]) ** 2).sum())
    if moving:
        what = f"Iteration {iteration}, move: centres to the means"
    elif step > 0 and step == total - 1 and np.array_equal(labels, entries[-2]["labels"]):
        what = f"Iteration {iteration}, assign: no label changed"
    else:
        what = f"Iteration {iteration}, assign: nearest centre"
    _decorate(ax, f"{what}\nWCSS = {_number(wcss)}", xlabel, ylabel)
    handles, names = ax.get_legend_handles_labels()
    keep = [i for i, name in enumerate(names) if name in ("centres", "before the move")]
    ax.legend(
        [handles[i] for i in keep],
        [names[i] for i in keep],
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        fontsize=LEGEND_SIZE,
        frameon=False,
    )
    return ax


def lloyd_stepper(X, history, *, figsize=(6.8, 4.8)):
    """A slider (and a play button) over the half-steps of ``history``; display the result.

    Needs ipywidgets and a live kernel: JupyterLab, Jupyter Notebook, Binder and Colab all show
    it. Each move of the slider redraws :func:`plot_lloyd_step`.

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as widgets  # only here: the rest of tutorial_lib does not need it

    X = check_matrix(X)
    last = n_half_steps(history) - 1
    play = widgets.Play(value=0, min=0, max=last, step=1, interval=1200, description="play")
    slider = widgets.IntSlider(
        value=0, min=0, max=last, step=1, description="half-step", continuous_update=True
    )
    widgets.jslink((play, "value"), (slider, "value"))

    def draw(step):
        fig, ax = plt.subplots(figsize=figsize)
        plot_lloyd_step(X, history, step, ax=ax)
        fig.tight_layout()
        plt.show()

    output = widgets.interactive_output(draw, {"step": slider})
    return widgets.VBox([widgets.HBox([play, slider]), output])
