"""setup_notebook and describe_figure: what the setup cell of every notebook calls."""

import matplotlib.pyplot as plt
import pytest
import sklearn

from tutorial_lib import describe_figure, setup_notebook


def test_describe_figure_names_suptitle_and_panel_titles():
    fig, axes = plt.subplots(1, 2)
    axes[0].set_title("raw")
    axes[1].set_title("scaled")
    fig.suptitle("Scaling matters")
    assert describe_figure(fig) == "Figure: Scaling matters; raw; scaled"
    plt.close(fig)


def test_describe_figure_keeps_to_one_line():
    fig, ax = plt.subplots()
    ax.set_title("moons\nk-means, ARI 0.48")
    assert describe_figure(fig) == "Figure: moons k-means, ARI 0.48"
    plt.close(fig)


def test_describe_figure_says_untitled():
    fig, _ = plt.subplots()
    assert describe_figure(fig) == "Figure: (untitled)"
    plt.close(fig)


def test_describe_figure_rejects_other_objects():
    with pytest.raises(TypeError, match="needs a matplotlib Figure; got Axes"):
        fig, ax = plt.subplots()
        describe_figure(ax)
    plt.close("all")


def test_setup_notebook_outside_ipython_sets_text_display():
    before = sklearn.get_config()["display"]
    try:
        sklearn.set_config(display="diagram")
        setup_notebook()
        assert sklearn.get_config()["display"] == "text"
    finally:
        sklearn.set_config(display=before)


def test_setup_notebook_in_ipython_describes_figures():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        shell.run_line_magic = lambda *args: None  # no GUI backend switch in the test process
        setup_notebook()
        fig, ax = plt.subplots()
        ax.set_title("elbow")
        data, _ = shell.display_formatter.format(fig)
        assert data["text/plain"] == "Figure: elbow"
        plt.close(fig)
    finally:
        InteractiveShell.clear_instance()
