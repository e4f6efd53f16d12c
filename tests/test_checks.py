"""tutorial_lib.checks: right answers pass, typical mistakes get their own hint, nothing raises
on a wrong answer, and a learner's exception is re-raised after naming the case."""

import threading
import time

import numpy as np
import pandas as pd
import pytest
from kneed import KneeLocator
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist
from sklearn.preprocessing import StandardScaler

from tutorial_lib import align_labels, checks
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
# a learner's function that misbehaves: endless loops, floods of output, huge results, stubs
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def short_time_limit(monkeypatch):
    """Stop a learner's function after 0.5 s instead of the checks' few seconds."""
    monkeypatch.setattr(checks, "_TIME_LIMIT", 0.5)


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_an_endless_loop_is_stopped_and_the_case_named(check, short_time_limit, capsys):
    def endless(*args):
        while True:
            pass

    start = time.perf_counter()
    result, out = run(check, endless, capsys)
    assert time.perf_counter() - start < 5
    assert result is False
    assert "Stopped" in out and "0.5 seconds on case 1 of" in out and "It was given" in out


@pytest.mark.parametrize(
    "body",
    [
        "while True:\n        time.sleep(0.01)",
        "while True:\n        try:\n            pass\n        except Exception:\n            pass",
    ],
    ids=["sleeping", "catching Exception"],
)
def test_a_sleeping_or_catching_loop_is_stopped_too(body, short_time_limit, capsys):
    namespace = {"time": time}
    exec(f"def endless(y_true, y_pred):\n    {body}\n", namespace)
    result, out = run(check_accuracy, namespace["endless"], capsys)
    assert result is False and "Stopped" in out


def test_the_loop_is_stopped_on_the_case_where_it_hangs(short_time_limit, capsys):
    def hangs_on_text(y_true, y_pred):
        while y_true.dtype.kind == "U":
            pass
        return float(np.mean(y_true == y_pred))

    result, out = run(check_accuracy, hangs_on_text, capsys)
    assert result is False and "case 2 of 3 (text labels" in out


def test_a_quick_function_is_never_interrupted_afterwards(short_time_limit, capsys):
    """The watchdog is cancelled: nothing is raised in the caller after the check returns."""
    assert_passes(check_accuracy, lambda t, p: float(np.mean(t == p)), capsys)
    deadline = time.perf_counter() + 1.0  # twice the time limit
    while time.perf_counter() < deadline:
        pass


def test_the_time_limit_works_outside_the_main_thread(short_time_limit, capsys):
    """No signal.alarm: the check also works where signals cannot be used (Windows, threads)."""

    def endless(y_true, y_pred):
        while True:
            pass

    results = []
    worker = threading.Thread(target=lambda: results.append(check_accuracy(endless)))
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive() and results == [False]
    assert "Stopped" in capsys.readouterr().out


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_the_verdict_shows_after_a_flood_of_printing(check, capsys, monkeypatch):
    monkeypatch.setattr(checks, "_TIME_LIMIT", 300)  # printing is slow on a busy machine
    right = {
        check_wcss: wcss_right,
        check_accuracy: lambda t, p: float(np.mean(t == p)),
    }

    def chatty(*args):
        for i in range(200_000):
            print("debug line", i)
        return right[check](*args) if check in right else 0.0

    result, out = run(check, chatty, capsys)
    assert len(out) < 5_000  # not 200,000 lines
    assert "debug line 0" in out and "printed 200,000 lines" in out
    last_line = out.strip().splitlines()[-1]
    assert last_line.startswith(("Correct!", "Not quite")), last_line
    assert result is (check in right)


def test_a_few_printed_lines_are_shown_as_they_are(capsys):
    def accuracy(y_true, y_pred):
        print("shapes", y_true.shape, y_pred.shape)
        return float(np.mean(y_true == y_pred))

    result, out = run(check_accuracy, accuracy, capsys)
    assert result is True
    assert out.splitlines()[0] == "shapes (8,) (8,)" and "not shown" not in out
    assert out.strip().splitlines()[-1].startswith("Correct!")


@pytest.mark.parametrize("check", ALL_CHECKS)
@pytest.mark.parametrize(
    "huge",
    [np.arange(100_000.0), list(range(100_000)), "x" * 700_000, {i: i for i in range(10_000)}],
    ids=["array", "list", "str", "dict"],
)
def test_a_huge_wrong_result_is_shown_shortened(check, huge, capsys):
    result, out = run(check, lambda *args: huge, capsys)
    assert result is False
    assert len(out) < 2_000, len(out)


def test_a_long_wrong_labels_array_is_summarised(capsys):
    # right shape, wrong values: the hint quotes the labels, shortened
    result, out = run(check_assign_labels, lambda X, c: np.full(len(X), -1.5), capsys)
    assert result is False and "whole numbers" in out and len(out) < 1_000


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_a_stub_that_raises_not_implemented_is_not_answered_yet(check, capsys):
    def stub(*args):
        raise NotImplementedError("your code here")

    result, out = run(check, stub, capsys)  # no exception escapes
    assert result is False
    assert out.startswith("Not answered yet") and "placeholder" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_a_stub_returning_ellipsis_is_not_answered_yet(check, capsys):
    result, out = run(check, lambda *args: ..., capsys)
    assert result is False and out.startswith("Not answered yet")


def standardize_in(dtype):
    def standardize(X_train, X_test):
        X_train, X_test = X_train.astype(dtype), X_test.astype(dtype)
        mean, std = X_train.mean(axis=0), X_train.std(axis=0)
        return (X_train - mean) / std, (X_test - mean) / std

    return standardize


def test_a_float32_standardize_passes(capsys):
    # on one case the float32 answer misses the float64 bar (1.2e-6 relative error)
    misses = []
    for case in checks._standardize_cases():
        X_train, X_test = case.args["X_train"], case.args["X_test"]
        scaler = StandardScaler().fit(X_train)
        z_train, z_test = standardize_in(np.float32)(X_train, X_test)
        for z, want in ((z_train, scaler.transform(X_train)), (z_test, scaler.transform(X_test))):
            misses.append(not np.allclose(z, want, rtol=checks._RTOL, atol=checks._ATOL))
    assert any(misses)
    assert_passes(check_standardize, standardize_in(np.float32), capsys)


def test_a_rounded_standardize_gets_a_precision_hint_not_a_formula_hint(capsys):
    def rounded(X_train, X_test):
        return tuple(np.round(z, 3) for z in standardize_in(np.float64)(X_train, X_test))

    result, out = run(check_standardize, rounded, capsys)
    assert result is False
    assert "about 3 digits" in out and "formula looks right" in out
    assert "should be (X_train - mean) / std" not in out


def test_float32_tolerance_does_not_let_a_wrong_formula_pass(capsys):
    def ddof1_in_float32(X_train, X_test):
        X_train, X_test = X_train.astype(np.float32), X_test.astype(np.float32)
        mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
        return (X_train - mean) / std, (X_test - mean) / std

    assert_hint(check_standardize, ddof1_in_float32, "ddof=1", capsys)


def test_checks_stop_an_endless_loop_in_a_jupyter_kernel(tmp_path):
    """The real setting: a kernel runs the cell; the check stops the loop, the kernel lives on."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from tutorial_lib import checks\n"
            "checks._TIME_LIMIT = 1.0\n"
            "def accuracy(y_true, y_pred):\n"
            "    while True:\n"
            "        pass\n"
            "checks.check_accuracy(accuracy)"
        ),
        nbformat.v4.new_code_cell("print('kernel still alive', 6 * 7)"),
    ]
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    first = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert "Stopped" in first and "case 1 of 3" in first
    assert nb.cells[0].outputs[-1]["data"]["text/plain"] == "False"
    assert "kernel still alive 42" in nb.cells[1].outputs[0]["text"]


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
        (lambda X, c: squared_distances(X, c).min(axis=1), "np.argmin"),
        (lambda X, c: np.sqrt(squared_distances(X, c).min(axis=1)), "not np.min"),
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


def knee_without_one_minus(k_values, inertias):
    """Rescales both axes, then forgets the 1 - of the gap below the chord."""
    k = np.asarray(k_values, dtype=float)
    y = np.asarray(inertias, dtype=float)
    k_norm = (k - k.min()) / (k.max() - k.min())
    y_norm = (y - y.min()) / (y.max() - y.min())
    return int(k[np.argmax(k_norm - y_norm)])


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (knee_position, "position of the knee in the list"),
        (lambda k, y: knee_position(k, y) + 1, "position of the knee in the list"),
        (knee_without_one_minus, "check the 1 -"),
        (lambda k, y: int(k[np.argmax((y.max() - y) - k)]), "not to the chord"),
        (lambda k, y: int(k[np.argmin(y)]), "smallest inertia"),
        (lambda k, y: int(list(k)[0]), "that is the first k"),
        (lambda k, y: float(y[list(k).index(knee_right(k, y))]), "inertia at the knee"),
        (lambda k, y: [knee_right(k, y)], "one k value"),
        (lambda k, y: int(k[len(k) // 2 + 1]), "expected k ="),
    ],
)
def test_knee_mistakes(func, hint, capsys):
    assert_hint(check_knee, func, hint, capsys)


def test_knee_forgetting_the_one_minus_is_not_told_to_normalise(capsys):
    """x_scaled - y_scaled has rescaled both axes: the hint names the missing 1 -, not scaling."""
    result, out = run(check_knee, knee_without_one_minus, capsys)
    assert result is False
    assert "check the 1 -" in out, out
    assert "Rescale both axes" not in out and "normalise" not in out, out


@pytest.mark.parametrize(
    ("func", "says"),
    [
        # one k too small on every case: on k = 5..11 the 6 is a k value, not a position
        (lambda k, y: knee_right(k, y) - 1, "expected k = 7, got 6"),
        # right except on k = 1..10, where k = 2 is both a k value and the knee's position
        (lambda k, y: knee_right(k, y) - (k[0] == 1), "expected k = 3, got 2"),
    ],
)
def test_knee_one_below_is_no_position_when_it_is_a_k_value(func, says, capsys):
    result, out = run(check_knee, func, capsys)
    assert result is False
    assert says in out, out
    assert "position" not in out, out


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


# the optional harder case: 5 clusters for 3 labels, reported on its own line


def align_majority_for_extras(y_true, y_pred):  # the notebook's solution
    counts = pd.crosstab(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts.to_numpy(), maximize=True)
    mapping = {counts.columns[c]: counts.index[r] for r, c in zip(rows, cols, strict=True)}
    for cluster in counts.columns:
        mapping.setdefault(cluster, counts[cluster].idxmax())
    return np.array([mapping[c] for c in y_pred])


def align_none_for_extras(y_true, y_pred):
    counts = pd.crosstab(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts.to_numpy(), maximize=True)
    mapping = {counts.columns[c]: counts.index[r] for r, c in zip(rows, cols, strict=True)}
    return np.array([mapping.get(c) for c in y_pred], dtype=object)


def align_first_label_for_extras(y_true, y_pred):
    counts = pd.crosstab(y_true, y_pred)
    rows, cols = linear_sum_assignment(counts.to_numpy(), maximize=True)
    mapping = {counts.columns[c]: counts.index[r] for r, c in zip(rows, cols, strict=True)}
    return np.array([mapping.get(c, "C") for c in y_pred])


HARDER = "Optional harder case (5 clusters, 3 labels):"


def test_align_labels_harder_case_not_handled_is_said_not_passed_over(capsys):
    """A one-to-one-only solution passes the main cases and hears that the harder case
    (more clusters than labels) raised, instead of a bare "Correct!" (the old behaviour)."""
    result, out = run(check_align_labels, align_with_crosstab, capsys)
    assert result is True and out.startswith("Correct!")
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"{HARDER} not handled yet") and "KeyError: 3" in last, out


@pytest.mark.parametrize(
    ("func", "says"),
    [
        (align_majority_for_extras, "take the label they overlap most"),
        (align_labels, "take the label they overlap most"),
        (align_none_for_extras, "get no label"),
    ],
)
def test_align_labels_harder_case_handled_both_ways_with_both_accuracies(func, says, capsys):
    result, out = run(check_align_labels, func, capsys)
    assert result is True
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"{HARDER} handled") and says in last, out
    assert "0.864" in last and "0.636" in last  # 19 and 14 of 22 points right


def test_align_labels_harder_case_wrong_labels_for_the_extras(capsys):
    result, out = run(check_align_labels, align_first_label_for_extras, capsys)
    assert result is True  # the main cases are right; the optional one is reported apart
    assert f"{HARDER} not quite" in out, out


def test_align_labels_harder_case_is_stopped_when_it_runs_forever(monkeypatch, capsys):
    monkeypatch.setattr(checks, "_TIME_LIMIT", 0.3)

    def loops_on_many_clusters(y_true, y_pred):
        while len(np.unique(y_pred)) > 3:
            pass
        return align_right(y_true, y_pred)

    result, out = run(check_align_labels, loops_on_many_clusters, capsys)
    assert result is True
    assert f"{HARDER} not handled yet: your function was still running" in out, out


def test_align_labels_no_harder_case_before_the_main_cases_pass(capsys):
    result, out = run(check_align_labels, align_majority, capsys)
    assert result is False and HARDER not in out


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
# predict-then-run checks of notebooks 00-03: the right letter passes, every other one fails,
# placeholders are "not answered yet"; the right letter is worked out here independently
# ---------------------------------------------------------------------------------------------

START_A = [[-4.0, 9.0], [-1.0, 9.0], [-1.0, -2.0]]
START_B = [[-4.0, 9.0], [-1.0, 9.0], [5.0, 2.0]]


def blobs_a():
    from sklearn.datasets import make_blobs

    return make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)


def right_letter_too_few():
    from sklearn.cluster import KMeans as SklearnKMeans

    X, y = blobs_a()
    labels = SklearnKMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(X)
    pairs = pd.crosstab(labels, y).to_numpy()
    return "c" if len(labels) == len(X) and (pairs > 50).sum(axis=1).max() == 2 else "b"


def right_letter_tighter():
    X, y = blobs_a()
    means = np.array([X[y == j].mean(axis=0) for j in range(3)])
    nearest = cdist(X, means).argmin(axis=1)
    true_wcss = ((X - means[y]) ** 2).sum()
    nearest_wcss = ((X - means[nearest]) ** 2).sum()
    return "b" if nearest_wcss < true_wcss - 1e-6 else "a"


def right_letter_stuck():
    from sklearn.cluster import KMeans as SklearnKMeans

    X, _ = blobs_a()
    best = SklearnKMeans(n_clusters=3, n_init=10, random_state=0).fit(X).inertia_
    stuck = [
        SklearnKMeans(n_clusters=3, init=np.array(s), n_init=1).fit(X).inertia_ > 1.01 * best
        for s in (START_A, START_B)
    ]
    return {(True, False): "a", (False, True): "b", (True, True): "c"}.get(tuple(stuck), "d")


PREDICTION_CHECKS = [
    (checks.check_too_few_clusters, (), right_letter_too_few, "abc"),
    (checks.check_tighter_grouping, (), right_letter_tighter, "abc"),
    (checks.check_stuck_start, (START_A, START_B), right_letter_stuck, "abcd"),
]


@pytest.mark.parametrize(("check", "extra", "right", "letters"), PREDICTION_CHECKS)
def test_prediction_checks(check, extra, right, letters, capsys):
    answer = right()
    for letter in letters:
        result = check(letter, *extra)
        out = capsys.readouterr().out
        assert result is (letter == answer), out
        assert out.startswith("Correct!" if letter == answer else "Not quite"), out
        assert "explain why" in out
    for placeholder in (None, ...):
        assert check(placeholder, *extra) is False
        assert capsys.readouterr().out.startswith("Not answered yet")
    assert check("z", *extra) is False and "Answer with one of" in capsys.readouterr().out
    assert check(f"({answer.upper()})", *extra) is True  # "(B)" reads as "b"
    capsys.readouterr()


def test_stability_prediction_reads_the_data(capsys):
    """Raw income/age fits disagree between halves (ARI well below 1); standardised agree."""
    from sklearn.cluster import KMeans as SklearnKMeans
    from sklearn.metrics import adjusted_rand_score
    from sklearn.model_selection import train_test_split

    from tutorial_lib import make_scaling_matters

    X = make_scaling_matters(random_state=0).drop(columns="label").to_numpy()
    X_train, X_test = train_test_split(X, train_size=0.7, random_state=0)
    half = len(X_train) // 2
    fits = [
        SklearnKMeans(2, n_init=10, random_state=0).fit(part)
        for part in (X_train[:half], X_train[half:])
    ]
    raw = adjusted_rand_score(*(fit.predict(X_test) for fit in fits))
    assert raw < 0.9  # one split: the raw fits disagree
    assert checks.check_stability_prediction("b") is True
    out = capsys.readouterr().out
    assert "standardised features median 1.00" in out
    assert checks.check_stability_prediction("a") is False


# ---------------------------------------------------------------------------------------------
# Notebook 04: check_same_partition (judgement) and check_best_run
# ---------------------------------------------------------------------------------------------


def _source_a_training_part_here():
    """Source A's scaled training part, built here from sklearn (not from the check's code)."""
    from sklearn.datasets import make_blobs
    from sklearn.model_selection import train_test_split

    X, y = make_blobs(n_samples=400, centers=3, cluster_std=2.75, random_state=42)
    X_train, _, _, _ = train_test_split(X, y, train_size=0.7, random_state=0)
    return StandardScaler().fit(X_train).transform(X_train)


def test_same_partition_true_answers_pass_and_one_flip_fails(capsys):
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score

    from tutorial_lib.checks import PARTITION_CHANGES, check_same_partition

    Z = _source_a_training_part_here()
    base = dict(n_clusters=3, init="random", n_init=10, max_iter=300, tol=1e-4, random_state=42)
    ref = KMeans(**base).fit(Z).labels_
    truth = {
        key: bool(np.isclose(adjusted_rand_score(ref, KMeans(**{**base, **kw}).fit(Z).labels_), 1))
        for key, kw in PARTITION_CHANGES.items()
    }
    assert set(truth.values()) == {True, False}, "the exercise needs both kinds of answer"
    assert check_same_partition(truth) is True
    out = capsys.readouterr().out
    assert f"{len(truth)} of {len(truth)} predictions right" in out and "wrong" not in out
    changed = [key for key, same in truth.items() if not same]
    assert f"Why did only {' and '.join(changed)} change the partition?" in out
    flipped = dict(truth, **{"max_iter=2": not truth["max_iter=2"]})
    assert check_same_partition(flipped) is False
    out = capsys.readouterr().out
    assert "max_iter=2" in out and "-> wrong" in out and "explain each line you got wrong" in out


def test_same_partition_prints_how_many_points_moved(capsys):
    """The line of each change counts the points in another cluster (after matching numbers)."""
    from scipy.optimize import linear_sum_assignment
    from sklearn.cluster import KMeans

    from tutorial_lib.checks import PARTITION_CHANGES, check_same_partition

    Z = _source_a_training_part_here()
    base = dict(n_clusters=3, init="random", n_init=10, max_iter=300, tol=1e-4, random_state=42)
    ref = KMeans(**base).fit(Z).labels_
    check_same_partition(dict.fromkeys(PARTITION_CHANGES, True))
    lines = capsys.readouterr().out.splitlines()
    for key, kw in PARTITION_CHANGES.items():
        labels = KMeans(**{**base, **kw}).fit(Z).labels_
        table = np.zeros((3, 3), dtype=int)
        np.add.at(table, (ref, labels), 1)
        rows, cols = linear_sum_assignment(-table)
        moved = len(Z) - table[rows, cols].sum()
        (line,) = [line for line in lines if line.strip().startswith(key)]
        points = "point" if moved == 1 else "points"
        assert f"{'same' if moved == 0 else 'different'}, {moved} {points} moved" in line


@pytest.mark.parametrize(
    "answer, says",
    [
        (None, "Not answered yet"),
        (..., "Not answered yet"),
        ({"tol=0.1": ...}, "Not quite: no prediction for"),
        ("same", "pass a dict"),
        (
            {"tol=0.1": True, "max_iter=2": ..., "n_init=1": True, "random_state=7": True,
             "init='k-means++'": True},
            "Not answered yet: replace the ... after 'max_iter=2'",
        ),
        (
            {"tol=0.1": "yes", "max_iter=2": True, "n_init=1": True, "random_state=7": True,
             "init='k-means++'": True},
            "should be True (same partition) or False",
        ),
    ],
)
def test_same_partition_unanswered_or_malformed_says_so(answer, says, capsys):
    from tutorial_lib.checks import check_same_partition

    assert check_same_partition(answer) is False
    out = capsys.readouterr().out
    assert says in out and "predictions right" not in out


def _best_by_hand(X, n_clusters, seeds):
    from sklearn.cluster import KMeans

    runs = [KMeans(n_clusters=n_clusters, init="random", n_init=1, random_state=s).fit(X)
            for s in seeds]
    return runs[int(np.argmin([r.inertia_ for r in runs]))]


def test_best_run_right(capsys):
    from tutorial_lib.checks import check_best_run

    assert_passes(check_best_run, _best_by_hand, capsys)


def _runs(X, n_clusters, seeds):
    from sklearn.cluster import KMeans

    return [KMeans(n_clusters=n_clusters, init="random", n_init=1, random_state=s).fit(X)
            for s in seeds]


@pytest.mark.parametrize(
    "func, hint",
    [
        (lambda X, k, seeds: _runs(X, k, seeds)[-1], "the last run"),
        (lambda X, k, seeds: _runs(X, k, seeds)[0], "the first run"),
        (lambda X, k, seeds: max(_runs(X, k, seeds), key=lambda m: m.inertia_), "highest WCSS"),
        (lambda X, k, seeds: _best_by_hand(X, k, seeds).inertia_, "returned a number"),
        (lambda X, k, seeds: "model", "no inertia_"),
        (lambda X, k, seeds: _best_by_hand(X, k - 1, seeds), "centres of shape"),
    ],
)
def test_best_run_mistakes(func, hint, capsys):
    from tutorial_lib.checks import check_best_run

    assert_hint(check_best_run, func, hint, capsys)


def _best_of(X, n_clusters, seeds, **kwargs):
    from sklearn.cluster import KMeans

    runs = [KMeans(n_clusters=n_clusters, random_state=s, **kwargs).fit(X) for s in seeds]
    return min(runs, key=lambda m: m.inertia_)


@pytest.mark.parametrize(
    "kwargs, hint",
    [
        ({"n_init": 1}, "fitted with init='k-means++', what KMeans uses when init is left out"),
        ({"init": "k-means++", "n_init": 1}, "fitted with init='k-means++'"),
        ({"init": "random"}, "fitted with n_init='auto'"),
        ({"init": "random", "n_init": 3}, "fitted with n_init=3"),
    ],
)
def test_best_run_ignoring_init_random_or_n_init_1_says_so(kwargs, hint, capsys):
    """The exercise asks for init="random", n_init=1; a best-of-runs with other settings
    may reach the same WCSS on these cases, so the check reads the model's parameters."""
    from tutorial_lib.checks import check_best_run

    assert_hint(check_best_run, lambda X, k, seeds: _best_of(X, k, seeds, **kwargs), hint, capsys)


def test_best_run_with_starting_centres_given_says_so(capsys):
    from sklearn.cluster import KMeans

    from tutorial_lib.checks import check_best_run

    func = lambda X, k, seeds: KMeans(n_clusters=k, init=X[:k], n_init=1).fit(X)  # noqa: E731
    assert_hint(check_best_run, func, "an array of starting centres", capsys)


def test_best_run_with_tutorial_lib_kmeans_passes(capsys):
    import tutorial_lib
    from tutorial_lib.checks import check_best_run

    def best(X, n_clusters, seeds):
        runs = [tutorial_lib.KMeans(n_clusters=n_clusters, init="random", n_init=1,
                                    random_state=s).fit(X) for s in seeds]
        return min(runs, key=lambda m: m.inertia_)

    assert_passes(check_best_run, best, capsys)


def test_best_run_cases_have_distinct_first_last_worst_and_best_runs():
    """Each mistake above can only get its own hint if these four runs differ (case 1)."""
    X, k, seeds = checks._best_run_cases()[0].args.values()
    inertias = [round(r.inertia_, 6) for r in _runs(X, k, seeds)]
    picked = {inertias[0], inertias[-1], max(inertias), min(inertias)}
    assert len(picked) == 4


@pytest.mark.parametrize("weird", ["text", {"a": 1}, object(), float("nan"), True, ()])
def test_best_run_strange_answers_never_raise(weird, capsys):
    from tutorial_lib.checks import check_best_run

    result, out = run(check_best_run, lambda *args: weird, capsys)
    assert result is False and out.startswith("Not quite, on case 1 of")


# ---------------------------------------------------------------------------------------------
# Notebook 05: check_knee_range; notebook 06: check_chance_scores
# ---------------------------------------------------------------------------------------------


def test_knee_range_right_answers_agree_with_kneed(capsys):
    from sklearn.cluster import KMeans
    from sklearn.datasets import make_blobs

    from tutorial_lib.checks import KNEE_RANGES, check_knee_range

    centers = [[x, y] for x in (0.0, 4.0, 8.0) for y in (0.0, 4.0)]
    X, _ = make_blobs(n_samples=300, centers=centers, cluster_std=0.8, random_state=0)
    Z = StandardScaler().fit_transform(X)
    w = {k: KMeans(n_clusters=k, n_init=3, random_state=0).fit(Z).inertia_ for k in range(1, 21)}
    truth = {}
    for key, ks in KNEE_RANGES.items():
        ks = list(ks)
        truth[key] = int(KneeLocator(ks, [w[k] for k in ks], curve="convex",
                                     direction="decreasing").knee)
    assert truth["k = 1..20"] != 4, "the range should move the knee away from k = 1..10's"
    assert check_knee_range(truth) is True
    assert "2 of 2 predictions right" in capsys.readouterr().out
    assert check_knee_range(dict(truth, **{"k = 3..10": truth["k = 3..10"] + 1})) is False
    assert "-> wrong" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, says",
    [
        (None, "Not answered yet"),
        ({"k = 1..20": ..., "k = 3..10": 4}, "Not answered yet"),
        ({"k = 1..20": "six", "k = 3..10": 4}, "should be whole numbers"),
    ],
)
def test_knee_range_unanswered_or_malformed(answer, says, capsys):
    from tutorial_lib.checks import check_knee_range

    assert check_knee_range(answer) is False
    assert says in capsys.readouterr().out


def test_chance_scores_nmi_rises_and_ami_stays_near_zero(capsys):
    """NMI is not corrected for chance, AMI is: that is the right answer by theory."""
    from tutorial_lib.checks import check_chance_scores

    assert check_chance_scores({"NMI": "rises", "AMI": "stays near 0"}) is True
    assert "2 of 2 predictions right" in capsys.readouterr().out
    assert check_chance_scores({"NMI": "stays near 0", "AMI": "stays near 0"}) is False
    out = capsys.readouterr().out
    assert "NMI  you said stays near 0" in out and "-> wrong" in out


def test_chance_scores_are_measured_on_the_labels_given(capsys):
    """The notebook passes its own test labels; the measured means are printed for them."""
    from tutorial_lib.checks import _source_a_scaled, check_chance_scores

    letters = np.array(["A", "B", "C"])[_source_a_scaled()[3]]
    assert check_chance_scores({"NMI": "rises", "AMI": "stays near 0"}, letters) is True
    out = capsys.readouterr().out
    assert f"against the {len(letters)} true test labels" in out
    check_chance_scores({"NMI": "rises", "AMI": "stays near 0"}, np.repeat([0, 1], 20))
    assert "against the 40 true test labels" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, says",
    [(..., "Not answered yet"), ({"NMI": "up", "AMI": "falls"}, "should be one of"),
     ([1, 2], "pass a dict")],
)
def test_chance_scores_unanswered_or_malformed(answer, says, capsys):
    from tutorial_lib.checks import check_chance_scores

    assert check_chance_scores(answer) is False
    assert says in capsys.readouterr().out



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



# --- Notebook 11: check_expansion, check_speedup_prediction ----------------------------------


def _expansion(X, centers):
    """The squared distances by the expansion, written independently of the check."""
    X, centers = np.asarray(X, dtype=float), np.asarray(centers, dtype=float)
    return (
        np.einsum("ij,ij->i", X, X)[:, None]
        - 2 * X @ centers.T
        + np.einsum("ij,ij->i", centers, centers)
    )


def _by_loop(X, centers):
    """Squared distances with two plain loops: the definition, no expansion."""
    out = np.empty((len(X), len(centers)))
    for i, x in enumerate(X):
        for j, c in enumerate(centers):
            out[i, j] = float(((x - c) ** 2).sum())
    return out


def test_check_expansion_accepts_the_expansion_and_cdist(capsys):
    from tutorial_lib.checks import check_expansion

    assert check_expansion(_expansion) is True
    assert check_expansion(lambda X, c: cdist(X, c, "sqeuclidean")) is True
    assert "Correct!" in capsys.readouterr().out


def _halve_input(X, centers):
    result = _expansion(X, centers)
    X *= 0.5  # the right answer, but the caller's X is changed
    return result


@pytest.mark.parametrize(
    "wrong, hint",
    [
        (lambda X, c: ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2), "n_features) array"),
        (lambda X, c: _expansion(X, c) - (X**2).sum(axis=1)[:, None], "left out ||x||^2"),
        (lambda X, c: _expansion(X, c) - (c**2).sum(axis=1), "left out ||c||^2"),
        (lambda X, c: _expansion(X, c) + X @ c.T, "multiply the matrix product by 2"),
        (lambda X, c: _expansion(X, c) + 4 * X @ c.T, "sign of the cross term"),
        (lambda X, c: _expansion(X, c).T, "transposed"),
        (lambda X, c: np.sqrt(np.maximum(_expansion(X, c), 0)), "*squared*"),
        (lambda X, c: _expansion(X, c)[:, :1], "one row per point"),
        (lambda X, c: _expansion(X, c) + 1.0, "entry [0, 0]"),
        (_halve_input, "changed its input X"),
        (lambda X, c: None, "placeholder"),
    ],
)
def test_check_expansion_names_the_mistake(wrong, hint, capsys):
    from tutorial_lib.checks import check_expansion

    assert check_expansion(wrong) is False
    out = capsys.readouterr().out
    assert hint in out and "Correct!" not in out


def test_check_expansion_treats_the_stub_as_not_answered(capsys):
    from tutorial_lib.checks import check_expansion

    def stub(X, centers):
        raise NotImplementedError("your code here")

    assert check_expansion(stub) is False
    out = capsys.readouterr().out
    assert "placeholder" in out and "Correct!" not in out


def test_check_expansion_reference_agrees_with_plain_loops():
    # The check's reference (cdist) against the definition, on the check's own cases.
    for case in checks._expansion_cases()[:2]:
        X, centers = case.args["X"], case.args["centers"]
        np.testing.assert_allclose(
            cdist(X, centers, "sqeuclidean"), _by_loop(X, centers), rtol=1e-12, atol=1e-12
        )


def test_check_expansion_wants_a_function():
    from tutorial_lib.checks import check_expansion

    with pytest.raises(TypeError, match="Pass your function itself"):
        check_expansion(_expansion(np.ones((2, 2)), np.ones((1, 2))))


# Timings as the notebook measures them: {n_features: {step: seconds}}, baseline first.
# At d=2 the one-pass update gains most (1.0 / 0.25 = 4x), at d=64 the expansion (10x).
TIMINGS = {
    2: {"broadcasting": 2.0, "expansion": 1.0, "in place": 0.9, "one-pass update": 0.25},
    64: {"broadcasting": 10.0, "expansion": 1.0, "in place": 0.8, "one-pass update": 0.7},
}


def test_check_speedup_prediction_accepts_what_was_measured(capsys):
    from tutorial_lib.checks import check_speedup_prediction

    right = {2: "one-pass update", 64: "expansion"}
    assert check_speedup_prediction(right, TIMINGS) is True
    assert "Correct!" in capsys.readouterr().out
    # a close call (within 15 % of the biggest gain) counts as right
    close = {2: {"broadcasting": 2.0, "expansion": 1.0, "in place": 0.55}}
    assert check_speedup_prediction({2: "expansion"}, close) is True  # 2x vs 1.82x
    assert check_speedup_prediction({2: "in place"}, close) is True


@pytest.mark.parametrize(
    "prediction, hint",
    [
        ({2: "expansion", 64: "expansion"}, "'one-pass update' helped most"),
        ({2: "one-pass update", 64: "in place"}, "at d=64 you predicted 'in place'"),
        ({2: None, 64: None}, "Not answered yet"),
        ({2: "one-pass update"}, "Not answered yet: predict a step for n_features = 64"),
        (None, "Not answered yet"),
        (..., "Not answered yet"),
        ({2: "bincount", 64: "expansion"}, "not one of the steps"),
        ({2: "broadcasting", 64: "expansion"}, "not one of the steps"),
        ("expansion", "should be a dict"),
    ],
)
def test_check_speedup_prediction_names_the_mistake(prediction, hint, capsys):
    from tutorial_lib.checks import check_speedup_prediction

    assert check_speedup_prediction(prediction, TIMINGS) is False
    out = capsys.readouterr().out
    assert hint in out and "Correct!" not in out


def test_check_speedup_prediction_does_not_change_the_timings(capsys):
    from tutorial_lib.checks import check_speedup_prediction

    timings = {d: dict(steps) for d, steps in TIMINGS.items()}
    check_speedup_prediction({2: "expansion", 64: "expansion"}, timings)
    assert timings == TIMINGS


@pytest.mark.parametrize("timings", [None, {}, {2: 1.0}, {2: {"broadcasting": 1.0}}])
def test_check_speedup_prediction_needs_the_measured_timings(timings):
    from tutorial_lib.checks import check_speedup_prediction

    with pytest.raises(TypeError, match="timings must be the dict measured"):
        check_speedup_prediction({2: "expansion"}, timings)



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


def test_a_function_that_prints_instead_of_returning_is_told_so(capsys):
    def prints(X, labels, centers):
        print(((X - centers[labels]) ** 2).sum())

    assert check_wcss(prints) is False
    assert "print the answer instead of returning it" in capsys.readouterr().out
    # a function that returns None without printing gets the plain message only
    assert check_wcss(lambda X, labels, centers: None) is False
    out = capsys.readouterr().out
    assert "returned None" in out and "instead of returning" not in out


def test_too_few_clusters_names_blobs_by_where_they_lie(capsys):
    checks.check_too_few_clusters("c")
    out = capsys.readouterr().out
    # Source A's blobs: one at the top, one on the right, one at the bottom left
    for where in ("top blob", "right blob", "bottom-left blob"):
        assert where in out, out
    assert "of blob 0" not in out
