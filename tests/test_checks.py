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
# Notebooks 07-10: checks of judgement answers (a value read off a plot or a table)
# ---------------------------------------------------------------------------------------------


def two_blobs(seed=0):
    """Two tight groups of 60 points, 6 units apart: the right eps is anything near 0.5-2."""
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(0.0, 0.3, (60, 2)), rng.normal(6.0, 0.3, (60, 2))])
    return X, np.repeat([0, 1], 60)


@pytest.mark.parametrize(
    "call",
    [
        lambda a: checks.check_eps_choice(a, *two_blobs()),
        lambda a: checks.check_bic_components(a, two_blobs()[0], [1, 2, 3]),
        lambda a: checks.check_matching_palette(a, lambda k: 1.0, 1.0, [2, 4]),
        lambda a: checks.check_labels_needed(a, lambda n, s: 1.0, 0.9, [10, 20]),
    ],
    ids=["eps", "bic", "palette", "labels"],
)
@pytest.mark.parametrize("stub", [None, ...])
def test_a_judgement_stub_is_not_answered_yet(call, stub, capsys):
    assert call(stub) is False
    out = capsys.readouterr().out
    assert out.startswith("Not answered yet")


def test_eps_choice_right_and_the_two_ways_to_be_wrong(capsys):
    X, y = two_blobs()
    assert checks.check_eps_choice(1.0, X, y) is True
    assert capsys.readouterr().out.startswith("Correct! With eps = 1")
    # far below every neighbour distance: every point is noise
    assert checks.check_eps_choice(0.001, X, y) is False
    out = capsys.readouterr().out
    assert "cannot be core points" in out and "120 of 120 points noise" in out
    # wider than the gap: one cluster
    assert checks.check_eps_choice(10.0, X, y) is False
    out = capsys.readouterr().out
    assert "finds 1 cluster " in out and "across the gaps" in out


@pytest.mark.parametrize("weird", [-1.0, 0, "0.5", float("nan"), [0.5]])
def test_eps_choice_rejects_what_is_not_a_distance(weird, capsys):
    X, y = two_blobs()
    assert checks.check_eps_choice(weird, X, y) is False
    assert "positive number" in capsys.readouterr().out


def test_bic_components_takes_the_lowest_bic(capsys):
    from sklearn.mixture import GaussianMixture

    X, _ = two_blobs()
    ks = [1, 2, 3, 4]
    bic = [GaussianMixture(k, n_init=3, random_state=0).fit(X).bic(X) for k in ks]
    best, worst = ks[int(np.argmin(bic))], ks[int(np.argmax(bic))]
    assert best == 2  # two well separated blobs
    assert checks.check_bic_components(best, X, ks) is True
    assert capsys.readouterr().out.startswith("Correct!")
    assert checks.check_bic_components(worst, X, ks) is False
    assert "highest" in capsys.readouterr().out
    other = next(k for k in ks if k not in (best, worst))
    assert checks.check_bic_components(other, X, ks) is False
    assert "lowest point" in capsys.readouterr().out
    assert checks.check_bic_components(7, X, ks) is False
    assert "one of the numbers" in capsys.readouterr().out


def test_matching_palette_finds_the_smallest_palette_that_reaches_the_target(capsys):
    inertias = {2: 90.0, 4: 50.0, 8: 20.0, 16: 10.0}
    asked = []

    def inertia_of(k):
        asked.append(k)
        return inertias[k]

    ks = [2, 4, 8, 16]
    target = 30.0  # between 4 and 8 colours: 8 is the answer
    assert checks.check_matching_palette(8, inertia_of, target, ks) is True
    out = capsys.readouterr().out
    assert out.startswith("Correct! Median cut needs 8 colours to reach 30.0")
    assert "4 colours give 50.0" in out
    assert 16 not in asked  # stops once the answer and the match are known
    assert checks.check_matching_palette(4, inertia_of, target, ks) is False
    assert "50.0, still above the target" in capsys.readouterr().out
    assert checks.check_matching_palette(16, inertia_of, target, ks) is False
    assert "smaller palette" in capsys.readouterr().out
    assert checks.check_matching_palette(5, inertia_of, target, ks) is False
    assert "one of the palette sizes" in capsys.readouterr().out
    assert checks.check_matching_palette(16, inertia_of, 1.0, ks) is False
    assert "no size in the list matches" in capsys.readouterr().out


def test_labels_needed_wants_the_smallest_budget_for_every_strategy(capsys):
    curves = {
        "random": {10: 0.5, 20: 0.7, 40: 0.91},
        "representatives": {10: 0.85, 20: 0.92, 40: 0.95},
    }

    def accuracy_of(n, strategy):
        return curves[strategy][n]

    budgets = [10, 20, 40]
    right = {"random": 40, "representatives": 20}
    assert checks.check_labels_needed(right, accuracy_of, 0.9, budgets) is True
    assert capsys.readouterr().out.startswith("Correct! random: 40 labels, accuracy 0.910")
    assert checks.check_labels_needed({"random": 20, "representatives": 20}, accuracy_of, 0.9,
                                      budgets) is False
    assert "0.700, below the target" in capsys.readouterr().out
    assert checks.check_labels_needed({"random": 40, "representatives": 40}, accuracy_of, 0.9,
                                      budgets) is False
    assert "fewer labels" in capsys.readouterr().out
    assert checks.check_labels_needed([40, 20], accuracy_of, 0.9, budgets) is False
    assert "answer with a dict" in capsys.readouterr().out
    assert checks.check_labels_needed({"random": 30}, accuracy_of, 0.9, budgets) is False
    assert "one of the budgets" in capsys.readouterr().out
    assert checks.check_labels_needed({"random": 40}, accuracy_of, 0.99, budgets) is False
    assert "no budget in the list reaches" in capsys.readouterr().out
