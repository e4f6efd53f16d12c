"""datasets: placeholder, being written (see the API contract)."""

def load_blobs_a(*args, **kwargs):
    raise NotImplementedError('load_blobs_a is being written')

def load_blobs_b(*args, **kwargs):
    raise NotImplementedError('load_blobs_b is being written')

def make_scaling_matters(*args, **kwargs):
    raise NotImplementedError('make_scaling_matters is being written')

FAILURE_CASES = ("moons", "circles", "anisotropic", "unequal_variance", "unequal_sizes")

def make_failure_case(*args, **kwargs):
    raise NotImplementedError('make_failure_case is being written')

def load_penguins(*args, **kwargs):
    raise NotImplementedError('load_penguins is being written')

def load_image(*args, **kwargs):
    raise NotImplementedError('load_image is being written')
