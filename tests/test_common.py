"""scikit-learn's own estimator checks (check_estimator) on tutorial_lib.KMeans."""

from sklearn.utils.estimator_checks import parametrize_with_checks

from tutorial_lib import KMeans

# Every check passes: no expected failures. (Two used to fail on the wording of the 1-D error
# and on array-likes without .shape; tutorial_lib._validation.check_matrix handles both.)
EXPECTED_FAILED_CHECKS = {}


@parametrize_with_checks(
    [KMeans(), KMeans(n_clusters=3, init="random", n_init=2, max_iter=50, random_state=0)],
    expected_failed_checks=lambda estimator: EXPECTED_FAILED_CHECKS,
)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)
