"""Estimate how long a newcomer needs for each notebook, from its words and cells.

    python3 tools/notebook_time.py notebooks/0[0-6]_*.ipynb

The times the notebooks and the README state come from cold reads (see the README's "How the
times were measured"); this script is the quick cross-check for a notebook that has changed
since. Its method:

- reading: the words of every markdown cell outside the solutions, at 150 words a minute
  (a learner reading technical prose for the first time, formulas included);
- running: half a minute per code cell outside exercises and solutions (read the code, run
  it, look at the output), three quarters for a cell that draws a figure;
- exercises, per code cell tagged ``exercise``: 6 minutes to write a function (a stub raising
  NotImplementedError), 4 to fix a given function, 4 for a prediction (predict, run, explain);
- solutions: their words at 150 a minute (learners compare their answer);
- notebooks without the ``exercise``/``solution`` tags are read by their sections instead
  (code cells under "## Exercises" that call a check are exercises, "## Solutions" on are
  solutions), so that older versions can be measured the same way;
- all of it times 1.2 for a newcomer's slips (a typo, a re-run, a second look at a plot),
  rounded up to 5 minutes.

It counts every exercise alike, so it runs short for a notebook with a hard exercise (05's
silhouette function took the cold reads about 25 minutes) and long for one with easy ones.

Only the standard library is used, so any Python 3 runs it.
"""

import json
import math
import re
import sys

WORDS_PER_MINUTE = 150
CODE_CELL, FIGURE_CELL = 0.5, 0.75
WRITE, FIX, PREDICT = 6.0, 4.0, 4.0
NEWCOMER_FACTOR = 1.2


def words(text):
    return len(re.findall(r"[A-Za-z0-9_]+", text))


def estimate(path):
    """Minutes for one notebook: (total, total without the exercises, and the parts reading,
    running, exercises, solutions before the newcomer factor)."""
    with open(path, encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    reading = running = exercises = solutions = 0.0
    tagged = any(
        {"exercise", "solution"} & set(cell.get("metadata", {}).get("tags", [])) for cell in cells
    )
    section = ""
    for cell in cells:
        source = "".join(cell["source"])
        tags = set(cell.get("metadata", {}).get("tags", []))
        heading = re.match(r"## (\w+)", source) if cell["cell_type"] == "markdown" else None
        if heading:
            section = heading.group(1)
        # untagged notebooks (before the student-edition tags): the sections decide
        if tagged:
            pass
        elif section == "Solutions":
            tags.add("solution")
        elif section == "Exercises" and cell["cell_type"] == "code" and "check" in source:
            tags.add("exercise")
        if "solution" in tags:
            if cell["cell_type"] == "markdown":
                solutions += words(source) / WORDS_PER_MINUTE
        elif cell["cell_type"] == "markdown":
            reading += words(source) / WORDS_PER_MINUTE
        elif "exercise" in tags:
            if "prediction = " in source:
                exercises += PREDICT
            elif "NotImplementedError" in source or "your code here" in source.lower():
                exercises += WRITE
            else:
                exercises += FIX
        else:
            running += FIGURE_CELL if "plt.show()" in source else CODE_CELL
    raw = reading + running + exercises + solutions
    total = 5 * math.ceil(raw * NEWCOMER_FACTOR / 5)
    without = 5 * math.ceil((reading + running) * NEWCOMER_FACTOR / 5)
    return total, without, reading, running, exercises, solutions


def main(paths):
    grand = grand_without = 0
    print(f"{'notebook':<36} {'read':>5} {'run':>5} {'ex':>5} {'sol':>5} {'total':>9} {'no ex':>9}")
    for path in paths:
        total, without, reading, running, exercises, solutions = estimate(path)
        grand, grand_without = grand + total, grand_without + without
        name = path.rsplit("/", 1)[-1]
        print(
            f"{name:<36} {reading:5.0f} {running:5.0f} {exercises:5.0f} {solutions:5.0f} "
            f"{total:5d} min {without:5d} min"
        )
    print(f"{'together':<36} {'':>23} {grand:5d} min {grand_without:5d} min")


if __name__ == "__main__":
    main(sys.argv[1:])
