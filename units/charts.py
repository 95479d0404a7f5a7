"""Geometry of the server-rendered SVG charts of the board's reports.

The functions return plain numbers for ``units/reports/column_chart.svg`` and
``units/reports/bar_chart.svg`` to draw, so the admin needs no chart script. Every chart
also has its data in an HTML table beside it, which screen readers use instead.
"""

from dataclasses import dataclass

COLUMN_CHART_WIDTH = 720
COLUMN_CHART_HEIGHT = 260
COLUMN_MARGIN = {"top": 24, "right": 16, "bottom": 44, "left": 40}
BAR_ROW_HEIGHT = 26
BAR_LABEL_WIDTH = 260
BAR_CHART_WIDTH = 720


def nice_maximum(value):
    """Return a round number at or above ``value`` for the top of a value axis."""
    if value <= 5:
        return 5
    for step in (1, 2, 2.5, 5):
        magnitude = 10 ** (len(str(int(value))) - 1)
        candidate = int(step * magnitude)
        if candidate >= value:
            return candidate
    return 10 ** len(str(int(value)))


@dataclass
class Column:
    label: str
    value: int
    x: float
    centre: float
    y: float
    width: float
    height: float
    below_target: bool


def column_chart(points, targets=None):
    """Lay out one column per ``(label, value)`` pair, with an optional target per column.

    ``targets`` contains one number per column. A column under its target is flagged, so the
    template can hatch it as well as colour it.
    """
    plot_width = COLUMN_CHART_WIDTH - COLUMN_MARGIN["left"] - COLUMN_MARGIN["right"]
    plot_height = COLUMN_CHART_HEIGHT - COLUMN_MARGIN["top"] - COLUMN_MARGIN["bottom"]
    top_value = nice_maximum(max([value for _label, value in points] + list(targets or [0])))
    slot = plot_width / max(len(points), 1)
    baseline = COLUMN_MARGIN["top"] + plot_height

    def y_of(value):
        return baseline - plot_height * value / top_value

    columns = []
    target_points = []
    for index, (label, value) in enumerate(points):
        x = COLUMN_MARGIN["left"] + slot * index + slot * 0.15
        target = targets[index] if targets else None
        columns.append(
            Column(
                label=label,
                value=value,
                x=round(x, 1),
                centre=round(x + slot * 0.35, 1),
                y=round(y_of(value), 1),
                width=round(slot * 0.7, 1),
                height=round(baseline - y_of(value), 1),
                below_target=target is not None and value < target,
            )
        )
        if target is not None:
            centre = COLUMN_MARGIN["left"] + slot * (index + 0.5)
            target_points.append(f"{centre:.1f},{y_of(target):.1f}")

    ticks = [
        {"value": int(top_value * share), "y": round(y_of(top_value * share), 1)}
        for share in (0, 0.25, 0.5, 0.75, 1)
        if float(top_value * share).is_integer()
    ]
    return {
        "width": COLUMN_CHART_WIDTH,
        "height": COLUMN_CHART_HEIGHT,
        "left": COLUMN_MARGIN["left"],
        "right": COLUMN_CHART_WIDTH - COLUMN_MARGIN["right"],
        "baseline": baseline,
        "columns": columns,
        "ticks": ticks,
        "target_points": " ".join(target_points),
    }


def bar_chart(items):
    """Lay out one horizontal bar per ``(label, value)`` pair, in the order given."""
    plot_width = BAR_CHART_WIDTH - BAR_LABEL_WIDTH - 48
    top_value = nice_maximum(max([value for _label, value in items] or [0]))
    bars = [
        {
            "label": label,
            "value": value,
            "y": index * BAR_ROW_HEIGHT,
            "text_y": index * BAR_ROW_HEIGHT + BAR_ROW_HEIGHT * 0.65,
            "width": round(plot_width * value / top_value, 1),
            "value_x": round(BAR_LABEL_WIDTH + plot_width * value / top_value + 6, 1),
        }
        for index, (label, value) in enumerate(items)
    ]
    return {
        "width": BAR_CHART_WIDTH,
        "height": max(len(bars), 1) * BAR_ROW_HEIGHT,
        "label_width": BAR_LABEL_WIDTH,
        "label_x": BAR_LABEL_WIDTH - 8,
        "bar_height": BAR_ROW_HEIGHT - 8,
        "bars": bars,
    }
