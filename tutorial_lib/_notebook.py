"""One call at the top of every course notebook: ``setup_notebook()``."""

import sklearn
from matplotlib.figure import Figure

from . import _install

__all__ = ["setup_notebook", "describe_figure", "install_extra"]


def describe_figure(fig):
    """Return a one-line text description of a figure: its title, or its panels' titles.

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    str
        For example ``"Figure: k-means finds three clusters"``.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"describe_figure needs a matplotlib Figure; got {type(fig).__name__}.")
    titles = []
    if fig._suptitle is not None and fig._suptitle.get_text():
        titles.append(fig._suptitle.get_text())
    titles += [ax.get_title() for ax in fig.axes if ax.get_title()]
    titles = [" ".join(title.split()) for title in titles]  # one line, even for two-line titles
    return "Figure: " + ("; ".join(titles) if titles else "(untitled)")


def setup_notebook():
    """Set up a course notebook; call it once, in the setup cell.

    It does two things, both for display only:

    - scikit-learn shows models as plain text (``sklearn.set_config(display="text")``)
      instead of an HTML diagram;
    - in Jupyter, each figure's plain-text form becomes ``Figure: <its titles>`` instead of
      ``<Figure size 640x480 with 1 Axes>``. You still see the picture; the text is what a
      screen reader or a text-only viewer shows, and what the course's tests compare.

    Outside IPython only the first applies. Calling it twice is harmless.
    """
    sklearn.set_config(display="text")
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    # Choose the inline backend first: choosing it clears any printer registered for Figure.
    shell.run_line_magic("matplotlib", "inline")
    plain = shell.display_formatter.formatters["text/plain"]
    plain.for_type(Figure, lambda fig, printer, cycle: printer.text(describe_figure(fig)))


def install_extra(name="scale"):
    """Install the packages of one of tutorial_lib's optional extras into this Python.

    The scale-out notebook calls it in its setup cell when ``import dask_ml`` fails (Binder's
    lean environment leaves dask, distributed and dask-ml out). Only the missing packages are
    installed: at the course's pinned versions when the course's lock (requirements.txt) is
    there, otherwise at the extra's ranges. Packages already installed keep their versions.

    Parameters
    ----------
    name : str
        The extra, e.g. ``"scale"`` (see tutorial_lib's pyproject.toml).

    Returns
    -------
    list of str
        What was installed (empty when nothing was missing).

    Raises
    ------
    ValueError
        If tutorial_lib has no extra of that name.
    tutorial_lib._install.InstallError
        If pip failed; a short message says what to do.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"install_extra needs the extra's name as a string; got {type(name).__name__}."
        )
    known = _install.extras()
    if name not in known:
        raise ValueError(
            f"tutorial_lib has no optional extra {name!r}; its extras are: {', '.join(known)}."
        )
    needed = _install.pinned(_install.missing(_install.declared(name)), _install.lock_pins())
    if not needed:
        return []
    print(
        f"This notebook needs {', '.join(needed)} (tutorial_lib's '{name}' extra), which this "
        "environment leaves out to stay small. Installing them now, once (a minute or two); "
        "the packages already here keep their versions."
    )
    _install.pip_install(
        needed,
        f'check the internet connection and run this cell again; or, in a terminal, run '
        f'`pip install "tutorial_lib[{name}]"`, then restart the kernel; or run the course on '
        f"your machine with `python3 course.py lab`, which installs everything.",
    )
    print(f"Installed {', '.join(needed)}; the notebook goes on.")
    return needed
