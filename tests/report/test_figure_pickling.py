"""Figures sent to helper processes are pickled so that they draw the same after unpickling.

matplotlib keys each transform's dependants by ``id(dependant)`` and pickles
those keys as they are. After unpickling they are addresses of the writing
process's objects; a transform created later at one of those addresses took
the entry of a dependant that then stopped following layout changes, and a
figure written from the pickle had its y-axis label out of place (about 2
figures in 600 in a long test process). ``_pickle_figure`` stores the
dependants as a list and keys them by their new ids.
"""

from __future__ import annotations

import gc
import pickle

import pandas as pd

from toolkit.report import build as report_mod


def _counts_figure():
    from toolkit.plots import paper_style, plot_counts

    with paper_style():
        return plot_counts(
            pd.DataFrame({"outlet": ["Daily A", "Times B"], "n": [4, 1]}), x="outlet"
        ).figure


def _transforms_made_by(load):
    """The transforms that ``load()`` creates, and what it returned."""
    from matplotlib.transforms import TransformNode

    gc.collect()
    alive = [
        o for o in gc.get_objects() if isinstance(o, TransformNode)
    ]  # kept alive: ids stay theirs
    known = {id(o) for o in alive}
    out = load()
    made = [o for o in gc.get_objects() if isinstance(o, TransformNode) and id(o) not in known]
    return made, out


def test_each_transform_link_is_keyed_by_the_dependants_id_after_unpickling():
    import matplotlib.pyplot as plt

    fig = _counts_figure()
    data = report_mod._pickle_figure(fig)
    plt.close(fig)
    made, copy = _transforms_made_by(lambda: pickle.loads(data))
    links = [(key, ref()) for node in made for key, ref in node._parents.items()]
    assert len(made) > 50 and len(links) > 50  # a bar chart has hundreds of transforms
    # the invariant matplotlib's own set_children keeps: key == id of the live dependant
    assert all(dep is not None and key == id(dep) for key, dep in links)
    plt.close(copy)


def test_every_link_survives_pickling():
    # the same number of dependants per transform, in the same order of types,
    # as the figure that was pickled
    import matplotlib.pyplot as plt
    from matplotlib.transforms import TransformNode

    fig = _counts_figure()

    def shape(f):
        seen, out, todo = set(), [], [f]
        while todo:  # every transform reachable from the figure, by a fixed walk
            o = todo.pop()
            if id(o) in seen:
                continue
            seen.add(id(o))
            if isinstance(o, TransformNode):
                out.append(
                    (type(o).__name__, sorted(type(r()).__name__ for r in o._parents.values()))
                )
            todo.extend(
                r
                for r in gc.get_referents(o)
                if isinstance(r, (dict, list, tuple)) or type(r).__module__.startswith("matplotlib")
            )
        return sorted(out)

    before = shape(fig)
    copy = pickle.loads(report_mod._pickle_figure(fig))
    assert shape(copy) == before
    plt.close(fig)
    plt.close(copy)


def test_an_unpickled_figure_follows_a_move_of_its_axes():
    # the y-axis label's transform depends on the Axes' position: moving the
    # Axes must move where the label is drawn (what went wrong when a link was lost)
    import matplotlib.pyplot as plt

    fig = _counts_figure()
    copy = pickle.loads(report_mod._pickle_figure(fig))
    plt.close(fig)
    ax = copy.axes[0]
    trans = ax.yaxis.label.get_transform()
    y0 = trans.transform((0, 0.5))[1]
    ax.set_position([0.1, 0.5, 0.8, 0.4])  # from the default, moved up by hand
    y1 = trans.transform((0, 0.5))[1]
    height = copy.bbox.height
    # axes fraction 0.5 of an Axes spanning figure fraction 0.5..0.9 is at 0.7 of the height
    assert abs(y1 - 0.7 * height) < 1e-9 * height and y1 != y0
    plt.close(copy)
