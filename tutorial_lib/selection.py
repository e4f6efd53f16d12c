"""selection: placeholder, being written (see the API contract)."""

def sweep_k(*args, **kwargs):
    raise NotImplementedError('sweep_k is being written')

def find_knee(*args, **kwargs):
    raise NotImplementedError('find_knee is being written')
