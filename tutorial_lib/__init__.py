"""tutorial_lib: the companion package of the k-means course.

A small, readable k-means with a scikit-learn compatible API, and the data, metric,
selection, plotting and exercise-feedback helpers that the notebooks use.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
