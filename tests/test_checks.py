"""tutorial_lib.checks: right answers pass, typical mistakes get their own hint, nothing raises
on a wrong answer, and a learner's exception is re-raised after naming the case."""

import numpy as np
import pandas as pd
import pytest
from kneed import KneeLocator
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.preprocessing import StandardScaler

from tutorial_lib import checks
from tutorial_lib.checks import (
    check_accuracy,
    check_align_labels,
    check_assign_labels,
    check_knee,
    check_standardize,
    check_update_centers,
    check_wcss,
)

ALL_CHECKS = [
    check_wcss,
    check_assign_labels,
    check_update_centers,
    check_standardize,
    check_knee,
    check_align_labels,
    check_accuracy,
]


def run(check, func, capsys):
    """Run a check; return (its result, what it printed)."""
    result = check(func)
    out = capsys.readouterr().out
    assert isinstance(result, bool)
    assert out.strip(), "a check must always print something"
    return result, out


def assert_passes(check, func, capsys):
    result, out = run(check, func, capsys)
    assert result is True, out
    assert out.startswith("Correct!")


def assert_hint(check, func, hint, capsys):
    result, out = run(check, func, capsys)
    assert result is False, out
    assert "Correct" not in out
    assert hint in out, out


# ---------------------------------------------------------------------------------------------
# behaviour shared by every check
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_a_stub_returning_none_is_not_implemented_yet(check, capsys):
    def stub(*args):
        pass

    result, out = run(check, stub, capsys)
    assert result is False
    assert "Not implemented yet" in out and "return" in out


@pytest.mark.parametrize("check", ALL_CHECKS)
@pytest.mark.parametrize(
    "weird", ["text", {"a": 1}, [1, "b"], object(), np.array([[1.0]]), float("nan"), True, ()]
)
def test_a_strange_answer_never_raises(check, weird, capsys):
    result, out = run(check, lambda *args: weird, capsys)
    assert result is False
    assert out.startswith("Not quite, on case 1 of")


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_an_error_in_the_learners_function_names_the_case_and_is_raised(check, capsys):
    class LearnerError(Exception):
        pass

    def broken(*args):
        raise LearnerError("oops")

    with pytest.raises(LearnerError, match="oops"):
        check(broken)
    out = capsys.readouterr().out
    assert "raised LearnerError on case 1 of" in out
    assert "It was given" in out and "shape" in out


def test_an_error_on_a_later_case_names_that_case(capsys):
    def accuracy_for_numbers_only(y_true, y_pred):
        return float(np.mean((y_true - y_pred) == 0))  # fails on text labels

    with pytest.raises(TypeError):
        check_accuracy(accuracy_for_numbers_only)
    out = capsys.readouterr().out
    assert "case 2 of 3 (text labels" in out


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_passing_a_result_instead_of_a_function_is_a_type_error(check):
    with pytest.raises(TypeError, match="without calling it"):
        check(0.5)


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_the_learners_function_gets_copies(check, capsys):
    """Even a function that scribbles on its inputs cannot change the fixed cases."""
    before = {name: getattr(checks, name)() for name in dir(checks) if name.endswith("_cases")}

    def scribble(*args):
        for arg in args:
            if isinstance(arg, np.ndarray) and arg.dtype.kind in "iuf":
                arg[...] = 0
        return 0.0

    check(scribble)
    capsys.readouterr()
    after = {name: getattr(checks, name)() for name in before}
    for name, cases in before.items():
        for case_before, case_after in zip(cases, after[name], strict=True):
            for key, value in case_before.args.items():
                np.testing.assert_array_equal(value, case_after.args[key])


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_a_constant_answer_fails(check, capsys):
    for constant in (0, 0.0, 1, 3):
        result, _ = run(check, lambda *args, c=constant: c, capsys)
        assert result is False


# ---------------------------------------------------------------------------------------------
# check_wcss
# ---------------------------------------------------------------------------------------------


def wcss_right(X, labels, centers):
    return float(np.sum((X - centers[labels]) ** 2))


def wcss_loop(X, labels, centers):
    total = 0.0
    for point, label in zip(X, labels, strict=True):
        for value, centre_value in zip(point, centers[label], strict=True):
            total += (value - centre_value) ** 2
    return total


@pytest.mark.parametrize("func", [wcss_right, wcss_loop])
def test_wcss_right(func, capsys):
    assert_passes(check_wcss, func, capsys)


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda X, y, c: np.linalg.norm(X - c[y]), "square root of the expected value"),
        (lambda X, y, c: np.linalg.norm(X - c[y], axis=1).sum(), "*squared* distances"),
        (lambda X, y, c: np.mean(np.sum((X - c[y]) ** 2, axis=1)), "divided by the number"),
        (
            lambda X, y, c: sum(
                ((X[y == j] - X[y == j].mean(0)) ** 2).sum() for j in range(len(c))
            ),
            "each cluster's mean, not to the centers",
        ),
        (lambda X, y, c: cdist(X, c, "sqeuclidean").sum(), "to every centre"),
        (lambda X, y, c: np.sum((X - X.mean(0)) ** 2), "mean of all of X"),
        (lambda X, y, c: np.sum((X - c[y]) ** 2, axis=1), "one per point"),
        (lambda X, y, c: 12345.0, "expected"),
        (lambda X, y, c: "12", "one number"),
    ],
)
def test_wcss_mistakes(func, hint, capsys):
    assert_hint(check_wcss, func, hint, capsys)


# ---------------------------------------------------------------------------------------------
# check_assign_labels
# ---------------------------------------------------------------------------------------------


def squared_distances(X, centers):
    return ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)


def test_assign_labels_right(capsys):
    assert_passes(check_assign_labels, lambda X, c: squared_distances(X, c).argmin(axis=1), capsys)
    # a list of whole-number floats is fine too
    assert_passes(
        check_assign_labels,
        lambda X, c: [float(i) for i in squared_distances(X, c).argmin(axis=1)],
        capsys,
    )


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda X, c: squared_distances(X, c).argmax(axis=1), "argmin, not argmax"),
        (lambda X, c: squared_distances(X, c).argmin(axis=0), "axis=1"),
        (lambda X, c: squared_distances(X, c), "np.argmin(distances, axis=1)"),
        (lambda X, c: cdist(X, c, "cityblock").argmin(axis=1), "Manhattan"),
        (lambda X, c: squared_distances(X, c).argmin(axis=1) + 1, "centre indices 0..3"),
        (lambda X, c: np.zeros(len(X), dtype=int), "got the wrong centre"),
        (lambda X, c: np.zeros((len(X), 1), dtype=int), "labels have the wrong shape"),
        (lambda X, c: squared_distances(X, c).argmin(axis=1) + 0.5, "whole numbers"),
    ],
)
def test_assign_labels_mistakes(func, hint, capsys):
    assert_hint(check_assign_labels, func, hint, capsys)


# ---------------------------------------------------------------------------------------------
# check_update_centers
# ---------------------------------------------------------------------------------------------


def update_right(X, labels, n_clusters):
    return np.array([X[labels == j].mean(axis=0) for j in range(n_clusters)])


def test_update_centers_right(capsys):
    assert_passes(check_update_centers, update_right, capsys)
    assert_passes(
        check_update_centers,
        lambda X, labels, k: pd.DataFrame(X).groupby(labels).mean().to_numpy(),
        capsys,
    )


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda X, y, k: update_right(X, y, k).T, "transposed"),
        (
            lambda X, y, k: np.array([np.median(X[y == j], axis=0) for j in range(k)]),
            "median",
        ),
        (lambda X, y, k: np.array([X[y == j].sum(axis=0) for j in range(k)]), "added up"),
        (lambda X, y, k: np.tile(X.mean(axis=0), (k, 1)), "mean of all of X"),
        (  # clusters in order of first appearance
            lambda X, y, k: np.array([X[y == j].mean(axis=0) for j in pd.unique(y)]),
            "wrong order",
        ),
        (
            lambda X, y, k: np.array([X[y == j].mean(axis=0) for j in range(1, k + 1)]),
            "NaN",
        ),
        (lambda X, y, k: update_right(X, y, k)[:-1], "wrong shape"),
        (lambda X, y, k: update_right(X, y, k) + 0.1, "should be the mean"),
    ],
)
@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the mean of an empty slice
def test_update_centers_mistakes(func, hint, capsys):
    assert_hint(check_update_centers, func, hint, capsys)


# ---------------------------------------------------------------------------------------------
# check_standardize
# ---------------------------------------------------------------------------------------------


def standardize_right(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def test_standardize_right(capsys):
    assert_passes(check_standardize, standardize_right, capsys)
    assert_passes(
        check_standardize,
        lambda a, b: tuple(StandardScaler().fit(a).transform(x) for x in (a, b)),
        capsys,
    )
    assert_passes(check_standardize, lambda a, b: list(standardize_right(a, b)), capsys)


def standardize_in_place(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    X_test -= mean
    X_test /= std
    X_train -= mean
    X_train /= std
    return X_train, X_test


def _scale(X_train, X_test, mean, std):
    return (X_train - mean) / std, (X_test - mean) / std


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (
            lambda a, b: ((a - a.mean(0)) / a.std(0), (b - b.mean(0)) / b.std(0)),
            "test set's mean",
        ),
        (
            lambda a, b: _scale(a, b, np.vstack([a, b]).mean(0), np.vstack([a, b]).std(0)),
            "together",
        ),
        (lambda a, b: _scale(a, b, a.mean(0), a.std(0, ddof=1)), "ddof=1"),
        (lambda a, b: _scale(a, b, a.mean(0), 1.0), "did not divide"),
        (lambda a, b: _scale(a, b, 0.0, a.std(0)), "did not subtract"),
        (lambda a, b: _scale(a, b, a.mean(), a.std()), "one per column"),
        (lambda a, b: (a, b), "unscaled"),
        (lambda a, b: standardize_right(a, b)[::-1], "(Z_test, Z_train)"),
        (lambda a, b: standardize_right(a, b)[0], "return two arrays"),
        (standardize_in_place, "in place"),
        (lambda a, b: (standardize_right(a, b)[0], b / 2), "Z_test should be"),
        (lambda a, b: (a / 2, standardize_right(a, b)[1]), "Z_train should be"),
    ],
)
def test_standardize_mistakes(func, hint, capsys):
    assert_hint(check_standardize, func, hint, capsys)


# ---------------------------------------------------------------------------------------------
# check_knee
# ---------------------------------------------------------------------------------------------


def knee_right(k_values, inertias):
    k = np.asarray(k_values, dtype=float)
    y = np.asarray(inertias, dtype=float)
    k_norm = (k - k.min()) / (k.max() - k.min())
    y_norm = (y - y.min()) / (y.max() - y.min())
    return int(k[np.argmax((1 - y_norm) - k_norm)])


def test_knee_right(capsys):
    assert_passes(check_knee, knee_right, capsys)
    # the kneed package agrees on every case
    assert_passes(
        check_knee,
        lambda k, y: KneeLocator(k, y, curve="convex", direction="decreasing").knee,
        capsys,
    )


def knee_position(k_values, inertias):
    k = np.asarray(k_values, dtype=float)
    y = np.asarray(inertias, dtype=float)
    k_norm = (k - k.min()) / (k.max() - k.min())
    y_norm = (y - y.min()) / (y.max() - y.min())
    return int(np.argmax((1 - y_norm) - k_norm))


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (knee_position, "position of the knee in the list"),
        (lambda k, y: int(k[np.argmax((y.max() - y) - k)]), "normalise both axes"),
        (lambda k, y: int(k[np.argmin(y)]), "smallest inertia"),
        (lambda k, y: int(list(k)[0]), "that is the first k"),
        (lambda k, y: float(y[list(k).index(knee_right(k, y))]), "inertia at the knee"),
        (lambda k, y: [knee_right(k, y)], "one k value"),
        (lambda k, y: int(k[len(k) // 2]), "expected k ="),
    ],
)
def test_knee_mistakes(func, hint, capsys):
    assert_hint(check_knee, func, hint, capsys)


# ---------------------------------------------------------------------------------------------
# check_align_labels
# ---------------------------------------------------------------------------------------------


def confusion(y_true, y_pred):
    clusters, classes = np.unique(y_pred), np.unique(y_true)
    counts = np.array([[np.sum((y_pred == c) & (y_true == t)) for t in classes] for c in clusters])
    return clusters, classes, counts


def align_right(y_true, y_pred):
    clusters, classes, counts = confusion(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts, maximize=True)
    mapping = {clusters[r]: classes[c] for r, c in zip(rows, cols, strict=True)}
    return np.array([mapping[c] for c in y_pred])


def align_with_crosstab(y_true, y_pred):  # the notebook's solution style
    counts = pd.crosstab(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts.to_numpy(), maximize=True)
    mapping = {counts.columns[c]: counts.index[r] for r, c in zip(rows, cols, strict=True)}
    return np.array([mapping[c] for c in y_pred])


def align_mapping_only(y_true, y_pred):
    clusters, classes, counts = confusion(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts, maximize=True)
    return {clusters[r]: classes[c] for r, c in zip(rows, cols, strict=True)}


def align_positions(y_true, y_pred):
    clusters, classes, counts = confusion(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts, maximize=True)
    mapping = dict(zip(clusters[rows], cols, strict=True))
    return np.array([mapping[c] for c in y_pred])


def align_majority(y_true, y_pred):
    clusters, classes, counts = confusion(y_true, y_pred)
    mapping = dict(zip(clusters, classes[counts.argmax(axis=1)], strict=True))
    return np.array([mapping[c] for c in y_pred])


def align_minimised(y_true, y_pred):
    clusters, classes, counts = confusion(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts)
    mapping = {clusters[r]: classes[c] for r, c in zip(rows, cols, strict=True)}
    return np.array([mapping[c] for c in y_pred])


def align_swapped(y_true, y_pred):
    clusters, classes, counts = confusion(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts, maximize=True)
    mapping = {clusters[c]: classes[r] for r, c in zip(rows, cols, strict=True)}
    return np.array([mapping[c] for c in y_pred])


@pytest.mark.parametrize("func", [align_right, align_with_crosstab])
def test_align_labels_right(func, capsys):
    assert_passes(check_align_labels, func, capsys)


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (align_mapping_only, "you returned the mapping"),
        (lambda t, p: np.asarray(p), "cluster ids unchanged"),
        (lambda t, p: np.asarray(t), "y_true itself"),
        (align_positions, "positions (0, 1, ...) instead of the labels"),
        (align_majority, "two clusters were given the same label"),
        (align_minimised, "*smallest* overlap"),
        (align_swapped, "wrong way round"),
        (lambda t, p: align_right(t, p)[:-1], "wrong shape"),
        (lambda t, p: np.roll(align_right(t, p), 1), "differ from the best matching"),
    ],
)
def test_align_labels_mistakes(func, hint, capsys):
    assert_hint(check_align_labels, func, hint, capsys)


# ---------------------------------------------------------------------------------------------
# check_accuracy
# ---------------------------------------------------------------------------------------------


def test_accuracy_right(capsys):
    assert_passes(check_accuracy, lambda t, p: float(np.mean(t == p)), capsys)
    assert_passes(
        check_accuracy, lambda t, p: sum(a == b for a, b in zip(t, p, strict=True)) / len(t), capsys
    )


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda t, p: int(np.sum(t == p)), "number of matches"),
        (lambda t, p: 100 * np.mean(t == p), "percentage"),
        (lambda t, p: np.mean(t != p), "error rate"),
        (lambda t, p: int(np.sum(t != p)), "number of mismatches"),
        (lambda t, p: t == p, "element-by-element comparison"),
        (lambda t, p: 0.0, "expected"),
    ],
)
def test_accuracy_mistakes(func, hint, capsys):
    assert_hint(check_accuracy, func, hint, capsys)


def test_the_notebook_stubs_get_helpful_hints(capsys):
    """The placeholders written in the notebooks lead to a specific hint, not a crash."""
    assert_hint(
        check_standardize,
        lambda a, b: _scale(a, b, np.vstack([a, b]).mean(0), np.vstack([a, b]).std(0)),
        "leaks the test set",
        capsys,
    )
    assert_hint(check_assign_labels, lambda X, c: np.zeros(len(X), dtype=int), "point", capsys)
    assert_hint(check_knee, lambda k, y: int(list(k)[0]), "first k", capsys)
    assert_hint(check_align_labels, lambda t, p: np.asarray(p), "unchanged", capsys)
    assert_hint(check_accuracy, lambda t, p: None, "Not implemented yet", capsys)


# --- check_silhouette ---------------------------------------------------------------------


def _silhouette_by_loop(X, labels, *, divide_by_size=False, singleton_zero=True, squared=False):
    """A plain loop over points, with switches for the usual mistakes."""
    from scipy.spatial.distance import cdist

    X, labels = np.asarray(X), np.asarray(labels)
    D = cdist(X, X, metric="sqeuclidean" if squared else "euclidean")
    out = np.zeros(len(X))
    for i in range(len(X)):
        own = labels == labels[i]
        if own.sum() == 1 and singleton_zero:
            continue
        size = own.sum() if divide_by_size else max(own.sum() - 1, 1)
        a = D[i, own].sum() / size
        b = min(D[i, labels == g].mean() for g in np.unique(labels) if g != labels[i])
        out[i] = (b - a) / max(a, b)
    return out


def test_check_silhouette_accepts_a_right_answer_and_sklearn(capsys):
    from sklearn.metrics import silhouette_samples as sk_silhouette_samples

    from tutorial_lib import check_silhouette

    assert check_silhouette(_silhouette_by_loop) is True
    assert check_silhouette(sk_silhouette_samples) is True
    assert "Correct!" in capsys.readouterr().out


@pytest.mark.parametrize(
    "wrong, hint",
    [
        (lambda X, lab: _silhouette_by_loop(X, lab, divide_by_size=True), "cluster size - 1"),
        (lambda X, lab: _silhouette_by_loop(X, lab, singleton_zero=False), "alone in its"),
        (lambda X, lab: _silhouette_by_loop(X, lab, squared=True), "squared distances"),
        (lambda X, lab: float(_silhouette_by_loop(X, lab).mean()), "one number"),
        (lambda X, lab: -_silhouette_by_loop(X, lab), "sign is flipped"),
        (lambda X, lab: None, "Not implemented yet"),
    ],
)
def test_check_silhouette_names_the_mistake(wrong, hint, capsys):
    from tutorial_lib import check_silhouette

    assert check_silhouette(wrong) is False
    out = capsys.readouterr().out
    assert hint in out and "Correct!" not in out


# ---------------------------------------------------------------------------------------------
# Notebook 12: check_workers_for_memory and check_scaling_path (judgement answers)
# ---------------------------------------------------------------------------------------------
# The scenario: 8 cores, 32 GB with 4 GB kept back (28 GB for workers), 14 GB of data, 0.5 GB
# per worker process, spilling at 60 % of the limit. By hand: n workers need a limit of at least
# (14 / n + 0.5) / 0.6 GB each, so 4 workers need 6.67 GB (26.7 GB in all), 5 need 5.5 GB
# (27.5 GB), 6 need 4.72 GB (28.3 GB: too much).


@pytest.mark.parametrize("plan", [(4, 7), (4, 6.7), (5, 5.5), (5, 5.6), (1, 25), (2, 14.0)])
def test_check_workers_accepts_every_plan_that_fits(plan, capsys):
    assert checks.check_workers_for_memory(*plan) is True
    assert capsys.readouterr().out.startswith("Correct!")


@pytest.mark.parametrize(
    "plan, hint",
    [
        ((None, None), "Not answered yet"),
        ((4, ...), "Not answered yet"),
        ((8, 3.5), "with 8 workers no memory limit works"),
        ((6, 4.7), "with 6 workers no memory limit works"),
        ((9, 3.0), "9 workers with one thread each on 8 cores"),
        ((4, 7.5), "more than the 28 GB"),
        ((4, 6.5), "above 60% of a 6.5 GB limit"),
        ((5, 5.4), "above 60% of a 5.4 GB limit"),
        ((0, 4), "at least one worker"),
        ((4.0, 7), "whole number"),
        ((4, "7 GB"), "number of gigabytes"),
    ],
)
def test_check_workers_names_the_broken_condition(plan, hint, capsys):
    result = checks.check_workers_for_memory(*plan)
    out = capsys.readouterr().out
    assert result is False
    assert "Correct" not in out
    assert hint in out, out


RIGHT_PATHS = {"A": "memory", "B": "sample", "C": "stream", "D": "dask", "E": "spark", "F": "faiss"}


def test_check_scaling_path_accepts_the_right_paths_in_any_case(capsys):
    assert checks.check_scaling_path(RIGHT_PATHS) is True
    assert capsys.readouterr().out.startswith("Correct!")
    shouted = {key: f" {value.upper()} " for key, value in RIGHT_PATHS.items()}
    assert checks.check_scaling_path(shouted) is True


def test_check_scaling_path_accepts_a_defensible_alternative_with_a_remark(capsys):
    assert checks.check_scaling_path({**RIGHT_PATHS, "B": "stream"}) is True
    out = capsys.readouterr().out
    assert out.startswith("Correct!") and "B: streaming works too" in out


@pytest.mark.parametrize("key", sorted(RIGHT_PATHS))
def test_check_scaling_path_names_each_wrong_situation(key, capsys):
    for wrong in checks.SCALING_PATHS:
        if wrong == RIGHT_PATHS[key] or (key == "B" and wrong == "stream"):
            continue
        assert checks.check_scaling_path({**RIGHT_PATHS, key: wrong}) is False
        out = capsys.readouterr().out
        assert f"situation {key}: not '{wrong}'" in out, out
        assert "Correct" not in out


@pytest.mark.parametrize(
    "answers, hint",
    [
        (dict.fromkeys(RIGHT_PATHS), "Not answered yet: situation A, B, C, D, E, F"),
        ({**RIGHT_PATHS, "C": ...}, "Not answered yet: situation C"),
        ({key: RIGHT_PATHS[key] for key in "ABCDE"}, "no answer for situation F"),
        ({**RIGHT_PATHS, "F": "gpu"}, "'gpu' is not one of the paths"),
        ({**RIGHT_PATHS, "A": 1}, "1 is not one of the paths"),
        ([("A", "memory")], "answers must be a dict"),
    ],
)
def test_check_scaling_path_explains_unusable_answers(answers, hint, capsys):
    assert checks.check_scaling_path(answers) is False
    out = capsys.readouterr().out
    assert hint in out, out
