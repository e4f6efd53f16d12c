"""Plots of the course, in one shared style.

Every function takes ``ax=None`` (or ``axes=None``), draws on the Axes it is given (or on a new
figure), sets a title and axis labels, and returns the Axes. Nothing here calls ``plt.show()``
or ``savefig``, or changes matplotlib's or seaborn's global settings: the style lives in the
module constants below and is applied to each artist as it is drawn.

Colours come from the Okabe-Ito palette, which stays distinguishable for colour-blind
readers. Labels may be ints or strings; the label ``-1`` (noise, as DBSCAN reports it) is drawn
in grey with its own marker.
"""

from numbers import Integral, Real

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.ticker import MaxNLocator
from sklearn.metrics import confusion_matrix

from ._kmeans import nearest_centers
from ._validation import check_centers, check_labels, check_matrix

__all__ = [
    "PALETTE",
    "NOISE_COLOR",
    "plot_clusters",
    "plot_truth_vs_prediction",
    "plot_iterations",
    "plot_wcss_history",
    "plot_elbow",
    "plot_silhouette_scores",
    "plot_silhouette_diagram",
    "plot_confusion_matrix",
    "plot_right_wrong",
    "plot_knee_rule",
    "plot_clusters_and_silhouette",
    "plot_k_votes",
    "plot_error_counts",
]

# ---------------------------------------------------------------------------------------------
# The shared style
# ---------------------------------------------------------------------------------------------
#: Okabe-Ito colours (colour-blind friendly), in the order clusters get them. Black is kept
#: for the centres, and the pale yellow comes last.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
)
NOISE_COLOR = "#8C8C8C"  # label -1
UNLABELLED_COLOR = "#4D4D4D"  # points drawn without labels
CENTER_COLOR = "black"
RIGHT_COLOR = PALETTE[0]
WRONG_COLOR = PALETTE[5]
LINE_COLOR = PALETTE[0]
HIGHLIGHT_COLOR = PALETTE[5]

POINT_SIZE = 28  # scatter marker area (points^2)
NOISE_SIZE = 22
CENTER_SIZE = 230
WRONG_SIZE = 60
POINT_ALPHA = 0.85
REGION_TINT = 0.22  # how strongly decision regions are coloured (0 = white, 1 = full colour)
GRID_RESOLUTION = 250  # grid cells per axis for decision regions

TITLE_SIZE = 13
LABEL_SIZE = 11
TICK_SIZE = 10
LEGEND_SIZE = 9
ANNOT_SIZE = 12

FIGSIZE = (6.8, 4.8)  # one panel, room for a legend on the right
PANEL_SIZE = (4.3, 3.9)  # one panel of a grid of panels


def _new_axes(ax):
    """Return ``ax`` after checking it, or the Axes of a new figure in the shared size."""
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
        return ax
    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None; got {type(ax).__name__}.")
    return ax


def _new_axes_grid(axes, n_panels, ncols, name="axes"):
    """Return a flat object array of n_panels Axes: the given ones, or those of a new figure."""
    if axes is None:
        ncols = min(ncols, n_panels)
        nrows = -(-n_panels // ncols)
        fig, grid = plt.subplots(
            nrows,
            ncols,
            figsize=(PANEL_SIZE[0] * ncols + 1.0, PANEL_SIZE[1] * nrows),
            sharex=True,
            sharey=True,
            squeeze=False,
            layout="constrained",
        )
        flat = grid.ravel()
        for extra in flat[n_panels:]:
            fig.delaxes(extra)
        flat = flat[:n_panels]
    else:
        flat = np.ravel(np.asarray(axes, dtype=object))
        if flat.size < n_panels:
            raise ValueError(
                f"{name} holds {flat.size} Axes but {n_panels} panels are to be drawn; "
                f"pass at least {n_panels} Axes, or {name}=None for a new figure."
            )
        for a in flat:
            if not isinstance(a, Axes):
                raise TypeError(f"{name} must hold matplotlib Axes; got {type(a).__name__}.")
        flat = flat[:n_panels]
    out = np.empty(len(flat), dtype=object)
    out[:] = list(flat)
    return out


def _decorate(ax, title, xlabel, ylabel, *, legend=False, legend_title=None, outside=True):
    """Give ``ax`` the shared title, axis labels, tick sizes and (optionally) legend."""
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)
    if legend:
        if outside:  # beside the axes, so it never covers data
            ax.legend(
                title=legend_title,
                loc="upper left",
                bbox_to_anchor=(1.02, 1.0),
                borderaxespad=0.0,
                fontsize=LEGEND_SIZE,
                title_fontsize=LEGEND_SIZE,
                frameon=False,
            )
        else:
            ax.legend(title=legend_title, loc="best", fontsize=LEGEND_SIZE, frameon=True)
    return ax


def _is_noise(label):
    return isinstance(label, (Integral, np.integer)) and not isinstance(label, bool) and label == -1


def _categories(*label_arrays):
    """Distinct labels, sorted when they can be (else in order of appearance), noise last."""
    values = pd.unique(np.concatenate([np.asarray(a, dtype=object) for a in label_arrays]))
    values = [v.item() if isinstance(v, np.generic) else v for v in values]
    try:
        values = sorted(values)
    except TypeError:
        pass
    return [v for v in values if not _is_noise(v)] + [v for v in values if _is_noise(v)]


def _color_map(categories):
    """Map each label to a colour: the palette in order, grey for noise (-1)."""
    regular = [c for c in categories if not _is_noise(c)]
    if len(regular) <= len(PALETTE):
        colors = list(PALETTE)
    else:  # more groups than the palette holds: evenly spaced hues
        colors = sns.color_palette("husl", len(regular)).as_hex()
    mapping = {c: colors[i] for i, c in enumerate(regular)}
    mapping.update({c: NOISE_COLOR for c in categories if _is_noise(c)})
    return mapping


def _label_text(label):
    return "noise (-1)" if _is_noise(label) else str(label)


def _scatter_groups(ax, X, labels, colors):
    """Scatter X[:, :2], one collection per label (so the legend names each label)."""
    for label in _categories(labels):
        mask = _mask(labels, label)
        noise = _is_noise(label)
        ax.scatter(
            X[mask, 0],
            X[mask, 1],
            s=NOISE_SIZE if noise else POINT_SIZE,
            marker="x" if noise else "o",
            color=colors[label],
            alpha=POINT_ALPHA,
            linewidths=1.0 if noise else 0.3,
            edgecolors=None if noise else "white",
            label=_label_text(label),
            zorder=2,
        )


def _mask(labels, label):
    """Boolean mask of the entries of ``labels`` equal to ``label``."""
    mask = np.asarray(labels == label)
    if mask.shape != labels.shape:  # a comparison numpy could not broadcast
        mask = np.array([v == label for v in labels.tolist()], dtype=bool)
    return mask.astype(bool)


def _draw_moves(ax, old_centers, new_centers, label, arrow_width):
    """Mark old centres as open circles, with an arrow to each new centre that moved."""
    ax.scatter(
        old_centers[:, 0],
        old_centers[:, 1],
        s=CENTER_SIZE * 0.6,
        marker="o",
        facecolors="none",
        edgecolors=CENTER_COLOR,
        linewidths=1.2,
        label=label,
        zorder=3,
    )
    for old, new in zip(old_centers, new_centers, strict=True):
        if not np.allclose(old, new):
            ax.annotate(
                "",
                xy=new,
                xytext=old,
                arrowprops={"arrowstyle": "->", "color": CENTER_COLOR, "lw": arrow_width},
                zorder=3,
            )


def _draw_centers(ax, centers, label="centres"):
    return ax.scatter(
        centers[:, 0],
        centers[:, 1],
        s=CENTER_SIZE,
        marker="X",
        color=CENTER_COLOR,
        edgecolors="white",
        linewidths=1.5,
        label=label,
        zorder=4,
    )


def _axis_names(X):
    """The first two column names of a DataFrame, else ("x", "y")."""
    columns = getattr(X, "columns", None)
    if columns is not None and len(columns) >= 2:
        return str(columns[0]), str(columns[1])
    return "x", "y"


def _check_xy(X, name="X"):
    X = check_matrix(X, name)
    if X.shape[1] < 2:
        raise ValueError(
            f"{name} has {X.shape[1]} feature(s); a scatter plot needs 2 (the first two "
            "columns are drawn)."
        )
    return X


def _check_values(values, name, n=None, *, allow_nan=False):
    """Return a 1-D float array of finite numbers (NaN allowed if ``allow_nan``)."""
    if values is None:
        raise TypeError(f"{name} is None; pass a 1-D sequence of numbers.")
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D; got shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: there is nothing to plot.")
    if n is not None and arr.shape[0] != n:
        raise ValueError(
            f"{name} has {arr.shape[0]} entries but k_values has {n}; "
            "they must have the same length."
        )
    try:
        arr = arr.astype(np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must hold numbers only; got {arr.tolist()[:5]}.") from None
    bad = np.isinf(arr) if allow_nan else ~np.isfinite(arr)
    if bad.any():
        raise ValueError(
            f"{name} contains NaN or infinity (at position {int(np.argmax(bad))}); "
            "every value must be a finite number."
        )
    if allow_nan and np.isnan(arr).all():
        raise ValueError(f"{name} holds only NaN: there is nothing to plot.")
    return arr


def _check_k_values(k_values, name="k_values"):
    arr = _check_values(k_values, name)
    if not np.all(arr == np.round(arr)) or np.any(arr < 1):
        raise ValueError(f"{name} must hold whole numbers >= 1; got {arr.tolist()}.")
    return arr.astype(np.int64)


def _check_chosen_k(chosen_k, k_values):
    if chosen_k is None:
        return None
    if isinstance(chosen_k, bool) or not isinstance(chosen_k, (Integral, Real)):
        raise TypeError(f"chosen_k must be a whole number or None; got {chosen_k!r}.")
    if chosen_k not in set(k_values.tolist()):
        raise ValueError(
            f"chosen_k={chosen_k} is not one of k_values {k_values.tolist()}; "
            "mark a k that was tried."
        )
    return int(chosen_k)


def _check_label_kinds(y_true, y_pred):
    """Refuse to compare text labels with numeric cluster ids (they never match)."""

    def is_text(arr):
        return arr.dtype.kind in "USO" and any(isinstance(v, (str, bytes)) for v in arr.tolist())

    if is_text(y_true) != is_text(y_pred):
        text, numbers = ("y_true", "y_pred") if is_text(y_true) else ("y_pred", "y_true")
        raise TypeError(
            f"{text} holds text labels but {numbers} holds numbers, so no label can match. "
            "Cluster ids are arbitrary: translate them to the true labels first "
            "(tutorial_lib.align_labels(y_true, y_pred))."
        )


# ---------------------------------------------------------------------------------------------
# Scatter plots
# ---------------------------------------------------------------------------------------------
def plot_clusters(
    X,
    labels=None,
    centers=None,
    *,
    ax=None,
    title=None,
    xlabel="x",
    ylabel="y",
    legend_title="label",
):
    """Scatter the points, coloured by label, with the cluster centres marked.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), n_features >= 2
        The points; the first two columns are drawn.
    labels : array-like of shape (n_samples,), optional
        One label per point (ints or strings; -1 is drawn as noise). None draws every point
        in one grey, as a model sees unlabelled data.
    centers : array-like of shape (n_clusters, n_features), optional
        Cluster centres, drawn as black crosses.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    title : str, optional
        Defaults to "Clusters" (with labels) or "Data without labels".
    xlabel, ylabel : str
        Axis labels. When X is a DataFrame and these are left at "x" and "y",
        its first two column names are used.
    legend_title : str
        The legend's heading: "label" for true groups, "cluster" for a model's clusters.

    Returns
    -------
    matplotlib Axes
    """
    if (xlabel, ylabel) == ("x", "y"):
        xlabel, ylabel = _axis_names(X)
    X = _check_xy(X)
    if labels is not None:
        labels = check_labels(labels, "labels", n_samples=X.shape[0])
    if centers is not None:
        centers = check_centers(centers, X.shape[1])
    ax = _new_axes(ax)
    if labels is None:
        ax.scatter(
            X[:, 0],
            X[:, 1],
            s=POINT_SIZE,
            color=UNLABELLED_COLOR,
            alpha=0.6,
            linewidths=0.3,
            edgecolors="white",
            zorder=2,
        )
    else:
        _scatter_groups(ax, X, labels, _color_map(_categories(labels)))
    if centers is not None:
        _draw_centers(ax, centers)
    if title is None:
        title = "Clusters" if labels is not None else "Data without labels"
    has_legend = labels is not None or centers is not None
    return _decorate(ax, title, xlabel, ylabel, legend=has_legend, legend_title=legend_title)


def plot_truth_vs_prediction(X, y_true, y_pred, centers=None, *, axes=None):
    """Draw the true groups and the predicted clusters side by side.

    The colours of the two panels are chosen independently: cluster ids are arbitrary, so
    cluster 0 need not be true group 0 (align them with ``tutorial_lib.align_labels``).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), n_features >= 2
        The first two columns are drawn; a DataFrame's column names label the axes.
    y_true, y_pred : array-like of shape (n_samples,)
        True labels and predicted cluster ids (ints or strings).
    centers : array-like of shape (n_clusters, n_features), optional
        Drawn on the prediction panel.
    axes : sequence of 2 matplotlib Axes, optional
        Where to draw; a new 1 x 2 figure if None.

    Returns
    -------
    ndarray of 2 matplotlib Axes
        [truth panel, prediction panel].
    """
    xlabel, ylabel = _axis_names(X)
    X = _check_xy(X)
    y_true = check_labels(y_true, "y_true", n_samples=X.shape[0])
    y_pred = check_labels(y_pred, "y_pred", n_samples=X.shape[0])
    if centers is not None:
        centers = check_centers(centers, X.shape[1])
    if axes is None:
        _, grid = plt.subplots(
            1, 2, figsize=(12.0, 4.8), sharex=True, sharey=True, layout="constrained"
        )
        axes = grid
    axes = _new_axes_grid(axes, 2, 2)
    plot_clusters(X, y_true, ax=axes[0], title="True groups", xlabel=xlabel, ylabel=ylabel)
    axes[0].get_legend().set_title("true label")
    plot_clusters(
        X, y_pred, centers, ax=axes[1], title="Predicted clusters", xlabel=xlabel, ylabel=ylabel
    )
    axes[1].get_legend().set_title("cluster")
    return axes


def plot_right_wrong(X, y_true, y_pred, *, ax=None):
    """Mark the correctly and the wrongly assigned points.

    ``y_pred`` must already use the true labels' values (``tutorial_lib.align_labels``).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), n_features >= 2
        The first two columns are drawn; a DataFrame's column names label the axes.
    y_true, y_pred : array-like of shape (n_samples,)
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        Two scatter collections: correct points (blue dots) and wrong ones (vermillion
        crosses, drawn on top); the legend gives their counts.
    """
    xlabel, ylabel = _axis_names(X)
    X = _check_xy(X)
    y_true = check_labels(y_true, "y_true", n_samples=X.shape[0])
    y_pred = check_labels(y_pred, "y_pred", n_samples=X.shape[0])
    _check_label_kinds(y_true, y_pred)
    right = np.asarray(y_true == y_pred, dtype=bool)
    n_right, n_wrong = int(right.sum()), int((~right).sum())
    ax = _new_axes(ax)
    ax.scatter(
        X[right, 0],
        X[right, 1],
        s=POINT_SIZE,
        marker="o",
        color=RIGHT_COLOR,
        alpha=0.55,
        linewidths=0.3,
        edgecolors="white",
        label=f"correct ({n_right})",
        zorder=2,
    )
    ax.scatter(
        X[~right, 0],
        X[~right, 1],
        s=WRONG_SIZE,
        marker="X",
        color=WRONG_COLOR,
        linewidths=0.6,
        edgecolors="black",
        label=f"wrong ({n_wrong})",
        zorder=3,
    )
    title = f"Correct and wrong assignments: {n_wrong} of {len(right)} wrong"
    return _decorate(ax, title, xlabel, ylabel, legend=True)


# ---------------------------------------------------------------------------------------------
# Lloyd's iterations
# ---------------------------------------------------------------------------------------------
def _number(value):
    """Short, readable form of a WCSS value: 34,630 or 12.35."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def _nearest_center(points, centers):
    """Index of the nearest centre for each point: the readable k-means' own step."""
    return nearest_centers(points, centers)[0]


def _default_steps(n_entries, most=6):
    """Up to ``most`` entries, evenly spread, always the first and the last."""
    if n_entries <= most:
        return list(range(n_entries))
    return sorted({int(round(i)) for i in np.linspace(0, n_entries - 1, most)})


def _check_history(history, n_samples, n_features):
    if isinstance(history, dict) or not hasattr(history, "__len__"):
        raise TypeError(
            "history must be a list of dicts with 'iteration', 'centers', 'labels' and "
            "'inertia' (KMeans.history_)."
        )
    if len(history) == 0:
        raise ValueError("history is empty: fit the model first (KMeans.history_).")
    entries = []
    k = None
    for i, entry in enumerate(history):
        if not isinstance(entry, dict) or "centers" not in entry:
            raise TypeError(f"history[{i}] must be a dict with at least a 'centers' entry.")
        centers = check_centers(entry["centers"], n_features, name=f"history[{i}]['centers']")
        if k is not None and centers.shape[0] != k:
            raise ValueError(
                f"history[{i}]['centers'] has {centers.shape[0]} centres but history[0] has {k}."
            )
        k = centers.shape[0]
        labels = entry.get("labels")
        if labels is not None:
            labels = check_labels(labels, f"history[{i}]['labels']", n_samples=n_samples)
        inertia = entry.get("inertia")
        entries.append(
            {
                "iteration": entry.get("iteration", i),
                "centers": centers,
                "labels": labels,
                "inertia": None if inertia is None else float(inertia),
            }
        )
    return entries, k


def plot_iterations(X, history, *, steps=None, axes=None):
    """Draw snapshots of Lloyd's iteration: points, centres and decision regions.

    Each panel shows one entry of ``history``: the points coloured by the cluster they are
    assigned to, the centres (black crosses; from the second entry on, the previous centres
    as hollow circles with an arrow to where they moved), and the decision regions, coloured
    by nearest centre on a grid.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The data the model was fitted on (decision regions need exactly 2 features).
        A DataFrame's column names label the axes.
    history : list of dict
        ``KMeans.history_``: entry i has ``"iteration"``, ``"centers"`` (n_clusters, 2),
        ``"labels"`` (n_samples,) and ``"inertia"``. Missing labels are computed as the
        nearest centre; a missing inertia is left out of the title.
    steps : sequence of int, optional
        Which entries to draw (indices into ``history``, negative ones count from the end).
        By default all of them when there are at most 6, else 6 spread evenly from the first
        to the last.
    axes : array of matplotlib Axes, optional
        At least one per panel; a new figure (3 panels per row) if None.

    Returns
    -------
    ndarray of matplotlib Axes, one per panel drawn
    """
    xlabel, ylabel = _axis_names(X)
    X = check_matrix(X)
    if X.shape[1] != 2:
        raise ValueError(
            f"X has {X.shape[1]} features; decision regions can only be drawn for 2. "
            "Fit and plot on two columns (or on a 2-D projection)."
        )
    entries, k = _check_history(history, X.shape[0], X.shape[1])
    n = len(entries)
    if steps is None:
        steps = _default_steps(n)
    else:
        steps = list(np.atleast_1d(np.asarray(steps, dtype=object)))
        if not steps:
            raise ValueError("steps is empty: give at least one history index.")
        for s in steps:
            if isinstance(s, bool) or not isinstance(s, (Integral, np.integer)):
                raise TypeError(f"steps must hold whole numbers (history indices); got {s!r}.")
            if not -n <= s < n:
                raise ValueError(f"step {s} is out of range: history has {n} entries.")
        steps = [int(s) % n for s in steps]
    axes = _new_axes_grid(axes, len(steps), 3)

    colors = _color_map(list(range(k)))
    rgb = np.array([to_rgb(colors[j]) for j in range(k)])
    tints = 1.0 - REGION_TINT * (1.0 - rgb)  # pale versions of the cluster colours
    all_centers = np.vstack([e["centers"] for e in entries])
    lo = np.minimum(X.min(axis=0), all_centers.min(axis=0))
    hi = np.maximum(X.max(axis=0), all_centers.max(axis=0))
    pad = 0.05 * np.where(hi > lo, hi - lo, 1.0)
    lo, hi = lo - pad, hi + pad
    gx = np.linspace(lo[0], hi[0], GRID_RESOLUTION)
    gy = np.linspace(lo[1], hi[1], GRID_RESOLUTION)
    grid = np.column_stack([a.ravel() for a in np.meshgrid(gx, gy)])

    for ax, idx in zip(axes, steps, strict=False):  # axes may hold spare panels
        entry = entries[idx]
        centers = entry["centers"]
        regions = _nearest_center(grid, centers).reshape(GRID_RESOLUTION, GRID_RESOLUTION)
        ax.imshow(
            tints[regions],
            extent=(lo[0], hi[0], lo[1], hi[1]),
            origin="lower",
            aspect="auto",
            interpolation="nearest",
            zorder=0,
        )
        labels = entry["labels"]
        if labels is None:
            labels = _nearest_center(X, centers)
        _scatter_groups(ax, X, labels, colors)
        if idx > 0:
            previous = entries[idx - 1]["centers"]
            _draw_moves(ax, previous, centers, label="previous centres", arrow_width=1.2)
        _draw_centers(ax, centers)
        ax.set_xlim(lo[0], hi[0])
        ax.set_ylim(lo[1], hi[1])
        what = "start" if idx == 0 else f"iteration {entry['iteration']}"
        title = what if entry["inertia"] is None else f"{what}: WCSS = {_number(entry['inertia'])}"
        _decorate(ax, title[0].upper() + title[1:], xlabel, ylabel)
    last = axes[-1]
    handles, names = last.get_legend_handles_labels()
    keep = [i for i, name in enumerate(names) if name in ("centres", "previous centres")]
    last.legend(
        [handles[i] for i in keep],
        [names[i] for i in keep],
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        fontsize=LEGEND_SIZE,
        frameon=False,
    )
    return axes


# ---------------------------------------------------------------------------------------------
# Line plots: WCSS per iteration, elbow, silhouette over k
# ---------------------------------------------------------------------------------------------
def _line(ax, x, y):
    ax.plot(x, y, marker="o", markersize=6, linewidth=2, color=LINE_COLOR, zorder=2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, alpha=0.3)


def _mark_k(ax, k_values, values, chosen_k):
    if chosen_k is None:
        return False
    y = values[k_values.tolist().index(chosen_k)]
    ax.axvline(chosen_k, color=HIGHLIGHT_COLOR, linestyle="--", linewidth=1.5, zorder=1)
    ax.scatter(
        [chosen_k],
        [y],
        s=170,
        facecolors="none",
        edgecolors=HIGHLIGHT_COLOR,
        linewidths=2.5,
        label=f"chosen k = {chosen_k}",
        zorder=3,
    )
    return True


def plot_wcss_history(inertias, *, ax=None):
    """Draw the WCSS (inertia) after each step of Lloyd's iteration.

    Parameters
    ----------
    inertias : array-like of shape (n_entries,)
        Entry 0 belongs to the starting centres (as in ``KMeans.history_``), entry i to the
        centres after i updates.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    values = _check_values(inertias, "inertias")
    ax = _new_axes(ax)
    _line(ax, np.arange(len(values)), values)
    return _decorate(ax, "WCSS after each iteration", "iteration (0 = start)", "WCSS (inertia)")


def plot_elbow(k_values, inertias, *, chosen_k=None, ax=None):
    """Draw the elbow curve: WCSS (inertia) for each number of clusters k.

    Parameters
    ----------
    k_values : array-like of shape (n_k,), whole numbers >= 1
    inertias : array-like of shape (n_k,)
    chosen_k : int, optional
        Marked with a dashed line and a ring; must be one of ``k_values``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    k_values = _check_k_values(k_values)
    values = _check_values(inertias, "inertias", n=len(k_values))
    chosen_k = _check_chosen_k(chosen_k, k_values)
    ax = _new_axes(ax)
    _line(ax, k_values, values)
    marked = _mark_k(ax, k_values, values, chosen_k)
    return _decorate(
        ax,
        "Elbow method: WCSS for each k",
        "number of clusters k",
        "WCSS (inertia)",
        legend=marked,
        outside=False,
    )


def plot_silhouette_scores(k_values, scores, *, chosen_k=None, ax=None):
    """Draw the mean silhouette score for each number of clusters k.

    Parameters
    ----------
    k_values : array-like of shape (n_k,), whole numbers >= 1
    scores : array-like of shape (n_k,)
        Mean silhouette scores. NaN (``sweep_k`` gives it for k = 1, where the silhouette
        is undefined) is skipped.
    chosen_k : int, optional
        Marked with a dashed line and a ring; must be one of ``k_values`` with a score.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    k_values = _check_k_values(k_values)
    values = _check_values(scores, "scores", n=len(k_values), allow_nan=True)
    keep = ~np.isnan(values)
    if np.any((values[keep] < -1) | (values[keep] > 1)):
        raise ValueError("scores must lie between -1 and 1 (silhouette scores).")
    k_values, values = k_values[keep], values[keep]
    chosen_k = _check_chosen_k(chosen_k, k_values)
    ax = _new_axes(ax)
    _line(ax, k_values, values)
    marked = _mark_k(ax, k_values, values, chosen_k)
    return _decorate(
        ax,
        "Silhouette score for each k",
        "number of clusters k",
        "mean silhouette score",
        legend=marked,
        outside=False,
    )


def plot_silhouette_diagram(sample_values, labels, *, ax=None):
    """Draw the per-sample silhouette diagram: one band of sorted values per cluster.

    Parameters
    ----------
    sample_values : array-like of shape (n_samples,)
        Silhouette value of each sample, in [-1, 1] (``tutorial_lib.silhouette_samples``).
    labels : array-like of shape (n_samples,)
        Cluster of each sample (ints or strings).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One filled band per cluster (labelled with its name on the left) and a dashed line
        at the mean silhouette score.
    """
    values = _check_values(sample_values, "sample_values")
    labels = check_labels(labels, "labels", n_samples=len(values))
    if np.any((values < -1) | (values > 1)):
        raise ValueError("sample_values must lie between -1 and 1 (silhouette values).")
    categories = _categories(labels)
    colors = _color_map(categories)
    ax = _new_axes(ax)
    gap = max(2, int(0.02 * len(values)))
    y_low = gap
    for label in categories:
        mask = _mask(labels, label)
        band = np.sort(values[mask])
        y = np.arange(y_low, y_low + len(band))
        ax.fill_betweenx(
            y, 0, band, facecolor=colors[label], edgecolor=colors[label], alpha=0.85, lw=0.5
        )
        ax.text(
            -0.02,
            y_low + 0.5 * len(band),
            _label_text(label),
            ha="right",
            va="center",
            fontsize=LEGEND_SIZE + 1,
            transform=ax.get_yaxis_transform(),
        )
        y_low += len(band) + gap
    mean = float(values.mean())
    ax.axvline(mean, color="black", linestyle="--", linewidth=1.5, label=f"mean = {mean:.3f}")
    ax.axvline(0, color="0.5", linewidth=0.8)
    ax.set_ylim(0, y_low)
    ax.set_xlim(min(-0.1, values.min() - 0.05), 1.0)
    ax.set_yticks([])
    title = f"Silhouette diagram ({len(categories)} clusters)"
    _decorate(ax, title, "silhouette value", "", legend=True, outside=False)
    ax.set_ylabel("cluster", fontsize=LABEL_SIZE, labelpad=22)
    return ax


# ---------------------------------------------------------------------------------------------
# Confusion matrix
# ---------------------------------------------------------------------------------------------
def plot_confusion_matrix(y_true, y_pred, *, labels=None, ax=None, title="Confusion matrix"):
    """Draw the confusion matrix as a heatmap of integer counts.

    ``y_pred`` must already use the true labels' values (``tutorial_lib.align_labels``);
    a k-means run's raw cluster ids would put the right answers off the diagonal.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True labels and aligned predicted labels (ints or strings).
    labels : array-like, optional
        The labels, in the order of the rows and columns; by default every label found in
        either array, sorted.
    ax : matplotlib Axes, optional
    title : str, default="Confusion matrix"

    Returns
    -------
    matplotlib Axes
        Rows: true label; columns: predicted (aligned) label; cell (i, j) counts the samples
        of true label i predicted as j, as ``sklearn.metrics.confusion_matrix``.
    """
    y_true = check_labels(y_true, "y_true")
    y_pred = check_labels(y_pred, "y_pred", n_samples=len(y_true))
    _check_label_kinds(y_true, y_pred)
    if labels is None:
        labels = _categories(y_true, y_pred)
    else:
        labels = check_labels(labels, "labels").tolist()
        missing = [v for v in _categories(y_true) if v not in labels]
        if len(set(labels)) != len(labels):
            raise ValueError(f"labels must not repeat a value; got {labels}.")
        if missing:
            raise ValueError(
                f"labels {labels} leave out true label(s) {missing}; list every label."
            )
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    ax = _new_axes(ax)
    names = [_label_text(v) for v in labels]
    sns.heatmap(
        cm,
        annot=True,
        fmt="d",
        cmap="Blues",
        cbar=False,
        square=True,
        linewidths=0.5,
        linecolor="white",
        xticklabels=names,
        yticklabels=names,
        annot_kws={"fontsize": ANNOT_SIZE},
        ax=ax,
    )
    ax.tick_params(axis="y", labelrotation=0)
    return _decorate(ax, title, "predicted (aligned) label", "true label")


# ---------------------------------------------------------------------------------------------
# Choosing k (notebook 05): the knee rule drawn, a clustering beside its silhouette diagram,
# and how often each k wins over resamples
# ---------------------------------------------------------------------------------------------
def plot_knee_rule(k_values, inertias, *, ax=None):
    """Draw the knee rule of ``tutorial_lib.find_knee`` on the rescaled elbow curve.

    Both axes are rescaled to [0, 1], the chord joins the curve's two ends, and the k where
    the curve sags furthest below the chord (the largest value of the difference curve) is
    marked with a vertical bar.

    Parameters
    ----------
    k_values : array-like of shape (n_k,), whole numbers >= 1, increasing
    inertias : array-like of shape (n_k,)
        The inertia (WCSS) for each k; it must fall overall, as ``find_knee`` requires.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    from .selection import find_knee  # here, so that importing plotting stays light

    k_values = _check_k_values(k_values)
    values = _check_values(inertias, "inertias", n=len(k_values))
    knee = find_knee(k_values, values)  # validates the curve (at least 3 points, falling, ...)
    k_scaled = (k_values - k_values.min()) / (k_values.max() - k_values.min())
    w_scaled = (values - values.min()) / (values.max() - values.min())
    best = k_values.tolist().index(knee)
    ax = _new_axes(ax)
    ax.plot(k_scaled, w_scaled, marker="o", linewidth=2, color=LINE_COLOR,
            label="inertia curve, rescaled")
    ax.plot([0, 1], [1, 0], linestyle="--", color="0.5", label="chord between the two ends")
    ax.vlines(k_scaled[best], w_scaled[best], 1 - k_scaled[best], color=HIGHLIGHT_COLOR,
              linewidth=3, label=f"largest gap below the chord (k = {knee})")
    ax.grid(True, alpha=0.3)
    return _decorate(
        ax,
        "Knee rule: the point furthest below the chord",
        "k, rescaled to [0, 1]",
        "inertia, rescaled to [0, 1]",
        legend=True,
        outside=False,
    )


def plot_clusters_and_silhouette(X, labels, centers=None, *, axes=None, xlabel="x", ylabel="y"):
    """Draw a clustering (left) beside its silhouette diagram (right).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), n_features >= 2
    labels : array-like of shape (n_samples,)
        Cluster of each point; at least 2 clusters (the silhouette needs a second one).
    centers : array-like of shape (n_clusters, n_features), optional
    axes : sequence of 2 matplotlib Axes, optional
        Where to draw; a new 1 x 2 figure if None.
    xlabel, ylabel : str
        Axis labels of the scatter plot.

    Returns
    -------
    ndarray of 2 matplotlib Axes
        [clusters, silhouette diagram]. The titles give k and the mean silhouette.
    """
    from .metrics import silhouette_samples

    X = _check_xy(X)
    labels = check_labels(labels, "labels", n_samples=X.shape[0])
    values = silhouette_samples(X, labels)
    k = len(_categories(labels))
    if axes is None:
        _, grid = plt.subplots(1, 2, figsize=(11.0, 4.6), layout="constrained")
        axes = grid
    axes = _new_axes_grid(axes, 2, 2)
    plot_clusters(X, labels, centers, ax=axes[0], title=f"k-means with k = {k}",
                  xlabel=xlabel, ylabel=ylabel, legend_title="cluster")
    plot_silhouette_diagram(values, labels, ax=axes[1])
    axes[1].get_legend().remove()  # it can cover the blades; the title gives the mean instead
    axes[1].set_title(
        f"Silhouette diagram, k = {k}\n(dashed line: mean {values.mean():.3f})",
        fontsize=TITLE_SIZE,
    )
    return axes


def plot_k_votes(winners, *, ax=None, title="How often each k wins", unit="resamples"):
    """Draw, for each criterion, how often each k was chosen: one group of bars per k.

    Parameters
    ----------
    winners : dict of str to sequence of int
        For each criterion (e.g. "elbow", "silhouette"), the k it chose on each resample
        (or seed). Every criterion must list the same number of choices.
    ax : matplotlib Axes, optional
    title : str, default="How often each k wins"
    unit : str, default="resamples"
        What one choice stands for; the y axis counts these.

    Returns
    -------
    matplotlib Axes
        Bar heights are the counts; every k between the smallest and the largest chosen one
        has a tick, so a k that never wins shows as a gap.
    """
    if not isinstance(winners, dict) or not winners:
        raise TypeError(
            "winners must be a non-empty dict {criterion name: the k chosen on each "
            f"resample}}; got {type(winners).__name__}."
        )
    chosen = {}
    for name, ks in winners.items():
        chosen[str(name)] = _check_k_values(ks, f"winners[{name!r}]")
    lengths = {len(ks) for ks in chosen.values()}
    if len(lengths) != 1:
        raise ValueError(
            "every criterion must list one chosen k per resample, so the lists must have the "
            f"same length; got lengths {sorted(lengths)}."
        )
    all_k = np.concatenate(list(chosen.values()))
    k_axis = np.arange(all_k.min(), all_k.max() + 1)
    ax = _new_axes(ax)
    width = 0.8 / len(chosen)
    for i, (name, ks) in enumerate(chosen.items()):
        counts = np.array([np.sum(ks == k) for k in k_axis])
        offset = (i - (len(chosen) - 1) / 2) * width
        ax.bar(k_axis + offset, counts, width=width, color=PALETTE[i % len(PALETTE)],
               label=name, zorder=2)
    ax.set_xticks(k_axis)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, lengths.pop() * 1.05)
    ax.grid(True, axis="y", alpha=0.3)
    return _decorate(ax, title, "number of clusters k", f"number of {unit}", legend=True,
                     legend_title="chosen by", outside=False)


def plot_error_counts(wrong_points, *, marked=None, marked_label=None, n_points=None, ax=None,
                      title="Points in the wrong cluster, run by run", unit="runs"):
    """Draw how many runs ended with 0, 1, 2, ... points in the wrong cluster.

    Parameters
    ----------
    wrong_points : array-like of shape (n_runs,), whole numbers >= 0
        The number of wrongly placed points in each run (e.g. one per random seed).
    marked : int, optional
        A count to mark with a dashed vertical line (e.g. the run a source reported).
    marked_label : str, optional
        Its legend entry; default "marked run".
    n_points : int, optional
        How many points each run placed; named in the x label ("out of n_points").
    ax : matplotlib Axes, optional
    title : str, default="Points in the wrong cluster, run by run"
    unit : str, default="runs"
        What one run stands for (e.g. "blob seeds"); the y axis counts these.

    Returns
    -------
    matplotlib Axes
        Bar heights are the counts; every count between the smallest and the largest one has
        a tick, so a count that never occurs shows as a gap.
    """
    values = _check_values(wrong_points, "wrong_points")
    if not np.all(values == np.round(values)) or np.any(values < 0):
        raise ValueError(f"wrong_points must hold whole numbers >= 0; got {values.tolist()[:10]}.")
    values = values.astype(np.int64)
    axis = np.arange(values.min(), values.max() + 1)
    if marked is not None:
        axis = np.arange(min(axis[0], int(marked)), max(axis[-1], int(marked)) + 1)
    heights = np.array([np.sum(values == v) for v in axis])
    ax = _new_axes(ax)
    ax.bar(axis, heights, color=LINE_COLOR, label=f"{len(values)} {unit}", zorder=2)
    if marked is not None:
        ax.axvline(marked, color=HIGHLIGHT_COLOR, linestyle="--", linewidth=2,
                   label=marked_label or "marked run", zorder=3)
    ax.set_xticks(axis)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, axis="y", alpha=0.3)
    xlabel = "points in the wrong cluster"
    if n_points is not None:
        xlabel += f" (out of {n_points})"
    return _decorate(ax, title, xlabel, f"number of {unit}", legend=True, outside=False)
