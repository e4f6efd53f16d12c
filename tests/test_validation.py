"""The shared input checks: each bad input gets an error that names its problem."""

import numpy as np
import pandas as pd
import pytest

from tutorial_lib._validation import check_labels, check_matrix, check_n_clusters, check_option


@pytest.mark.parametrize(
    "bad, error, words",
    [
        (np.array([[1.0, np.nan]]), ValueError, "1 NaN"),
        (np.array([[np.inf, 1.0]]), ValueError, "1 infinite"),
        (np.zeros((0, 2)), ValueError, "0 sample"),
        (np.zeros((3, 0)), ValueError, "0 feature"),
        ([1.0, 2.0, 3.0], ValueError, "Reshape your data"),
        (np.zeros((2, 2, 2)), ValueError, "3-D input"),
        ([[1.0, 2.0], [3.0]], ValueError, "rows of different lengths"),
        ([["a", "b"]], TypeError, "holds text such as 'a'"),
        (pd.DataFrame({"x": [1.0, 2.0], "island": ["Biscoe", "Dream"]}), TypeError, "'Biscoe'"),
        (None, TypeError, "X is None"),
    ],
)
def test_check_matrix_names_the_problem(bad, error, words):
    with pytest.raises(error, match=words):
        check_matrix(bad)


def test_check_matrix_keeps_float32_and_does_not_modify_the_input():
    X = np.array([[1, 2], [3, 4]], dtype=np.float32)
    before = X.copy()
    out = check_matrix(X)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(X, before)
    assert check_matrix([[1, 2]]).dtype == np.float64
    assert check_matrix(pd.DataFrame({"a": [1, 2], "b": [3.0, 4.0]})).shape == (2, 2)


def test_check_labels_and_n_clusters():
    with pytest.raises(ValueError, match="3 entries but there are 4 samples"):
        check_labels([0, 1, 1], n_samples=4)
    with pytest.raises(ValueError, match="must be 1-D"):
        check_labels([[0, 1]])
    with pytest.raises(ValueError, match="at least 1 cluster"):
        check_n_clusters(0)
    with pytest.raises(ValueError, match="n_samples=3 should be >= n_clusters=5"):
        check_n_clusters(5, n_samples=3)
    with pytest.raises(TypeError, match="whole number"):
        check_n_clusters(2.5)
    with pytest.raises(ValueError, match="choose one of 'a', 'b'"):
        check_option("c", "init", ("a", "b"))


@pytest.mark.parametrize(
    "bad, words",
    [
        (np.zeros((0, 2)), r"centers is empty: found 0 sample\(s\) \(shape=\(0, 2\)\)"),
        (np.zeros((2, 0)), r"centers is empty: found 0 feature\(s\) \(shape=\(2, 0\)\)"),
        ([], r"centers is empty"),
    ],
)
def test_empty_input_names_the_argument(bad, words):
    # scikit-learn's own message ("Found array with 0 sample(s)") does not say which argument
    with pytest.raises(ValueError, match=words):
        check_matrix(bad, "centers")


@pytest.mark.parametrize(
    "labels",
    [
        ["a", None, "b"],
        pd.Series(["a", np.nan, "b"]),
        np.array([0, None, 1], dtype=object),
    ],
)
def test_check_labels_names_missing_labels(labels):
    # before: np.unique later failed with "mixes values that cannot be compared"
    with pytest.raises(ValueError, match="missing"):
        check_labels(labels)
