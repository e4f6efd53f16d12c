"""plotting: placeholder, being written (see the API contract)."""

def plot_clusters(*args, **kwargs):
    raise NotImplementedError('plot_clusters is being written')

def plot_truth_vs_prediction(*args, **kwargs):
    raise NotImplementedError('plot_truth_vs_prediction is being written')

def plot_iterations(*args, **kwargs):
    raise NotImplementedError('plot_iterations is being written')

def plot_wcss_history(*args, **kwargs):
    raise NotImplementedError('plot_wcss_history is being written')

def plot_elbow(*args, **kwargs):
    raise NotImplementedError('plot_elbow is being written')

def plot_silhouette_scores(*args, **kwargs):
    raise NotImplementedError('plot_silhouette_scores is being written')

def plot_silhouette_diagram(*args, **kwargs):
    raise NotImplementedError('plot_silhouette_diagram is being written')

def plot_confusion_matrix(*args, **kwargs):
    raise NotImplementedError('plot_confusion_matrix is being written')

def plot_right_wrong(*args, **kwargs):
    raise NotImplementedError('plot_right_wrong is being written')
