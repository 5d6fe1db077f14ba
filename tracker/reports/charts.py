"""Horizontal bar charts drawn on the server as SVG.

Why SVG from the server rather than a JavaScript library: the chart needs no
script (works with JavaScript off, in print and in a screenshot), adds no vendored
code to keep up to date, and is accessible (role="img" with a <title>, and every
chart stands next to a table with the same numbers). This module only computes
geometry; templates/reports/macros.html draws it.
"""

from dataclasses import dataclass, field

WIDTH = 660
LABEL_WIDTH = 250
VALUE_WIDTH = 90
BAR_HEIGHT = 20
BAR_GAP = 4
GROUP_GAP = 10
SERIES_CLASSES = ("series-0", "series-1", "series-2")


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    value: object
    text: str
    series: int

    @property
    def css_class(self):
        return SERIES_CLASSES[self.series % len(SERIES_CLASSES)]

    @property
    def drawn_width(self):
        """A bar of nothing still shows as a sliver, so every row has a visible bar."""
        return max(self.width, 1)


@dataclass(frozen=True)
class Group:
    label: str
    y: float
    height: float
    bars: list


@dataclass
class Chart:
    title: str
    series: list
    groups: list = field(default_factory=list)
    height: float = 0
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_area: int = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def legend(self):
        return [(SERIES_CLASSES[i], name) for i, name in enumerate(self.series)]


def bar_chart(title, rows, series=("",), fmt=str):
    """A chart of `rows`: (label, [value per series]).

    Bars scale to the largest value; `fmt` turns a value into its text. The bars
    link nowhere: inside role="img" a link is hidden from screen readers, so the
    links live in the table that goes with every chart.
    """
    largest = max((value or 0 for _, values in rows for value in values), default=0)
    chart = Chart(title=title, series=list(series))
    y = 0.0
    for label, values in rows:
        top = y
        bars = []
        for index, value in enumerate(values):
            share = float(value or 0) / float(largest) if largest else 0
            bars.append(
                Bar(
                    y=y,
                    width=round(share * chart.bar_area, 1),
                    value=value,
                    text=fmt(value),
                    series=index,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        chart.groups.append(Group(label=str(label), y=top, height=y - top - BAR_GAP, bars=bars))
        y += GROUP_GAP - BAR_GAP
    chart.height = max(y, BAR_HEIGHT)
    return chart
