"""tutorial_lib: the companion package of the k-means course.

A small, readable k-means with a scikit-learn compatible API (``KMeans`` and the two steps of
Lloyd's algorithm as functions), and the data, metric, selection, plotting and exercise-feedback
helpers that the notebooks use. Everything public is re-exported here.
"""

__version__ = "0.1.0"

from . import checks, datasets, metrics, plotting, selection  # noqa: E402
from ._estimator import KMeans  # noqa: E402
from ._kmeans import (  # noqa: E402
    assign_labels,
    kmeans_plusplus,
    update_centers,
)
from ._notebook import describe_figure, install_extra, setup_notebook  # noqa: E402
from .checks import (  # noqa: E402
    check_accuracy,
    check_align_labels,
    check_assign_labels,
    check_best_run,
    check_chance_scores,
    check_knee,
    check_knee_range,
    check_same_partition,
    check_silhouette,
    check_standardize,
    check_update_centers,
    check_wcss,
)
from .datasets import (  # noqa: E402
    FAILURE_CASES,
    load_blobs_a,
    load_blobs_b,
    load_image,
    load_penguins,
    make_failure_case,
    make_grid_blobs,
    make_scaling_matters,
)
from .metrics import (  # noqa: E402
    align_labels,
    aligned_accuracy,
    label_mapping,
    silhouette_samples,
    silhouette_score,
    split_half_stability,
    wcss,
)
from .plotting import (  # noqa: E402
    plot_clusters,
    plot_clusters_and_silhouette,
    plot_confusion_matrix,
    plot_elbow,
    plot_error_counts,
    plot_iterations,
    plot_k_votes,
    plot_knee_rule,
    plot_right_wrong,
    plot_silhouette_diagram,
    plot_silhouette_scores,
    plot_truth_vs_prediction,
    plot_wcss_history,
)
from .selection import (  # noqa: E402
    find_knee,
    sweep_k,
)

__all__ = [
    "__version__",
    "KMeans",
    "assign_labels",
    "update_centers",
    "kmeans_plusplus",
    "wcss",
    "silhouette_samples",
    "silhouette_score",
    "label_mapping",
    "align_labels",
    "aligned_accuracy",
    "split_half_stability",
    "sweep_k",
    "find_knee",
    "check_wcss",
    "check_assign_labels",
    "check_update_centers",
    "check_standardize",
    "check_knee",
    "check_align_labels",
    "check_accuracy",
    "check_silhouette",
    "check_same_partition",
    "check_best_run",
    "check_knee_range",
    "check_chance_scores",
    "load_blobs_a",
    "load_blobs_b",
    "make_grid_blobs",
    "make_scaling_matters",
    "FAILURE_CASES",
    "make_failure_case",
    "load_penguins",
    "load_image",
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
    "setup_notebook",
    "describe_figure",
    "install_extra",
    "checks",
    "datasets",
    "metrics",
    "plotting",
    "selection",
]
