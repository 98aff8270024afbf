"""A line chart as inline SVG, drawn on the server: no charting library, nothing to download, and
it renders the same in a browser, an e-mail or a screenshot taken by a test."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from app.web.queries import Series

WIDTH, HEIGHT = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 48, 16, 40  # room for the first and last day labels
# Okabe-Ito colours: told apart by colour-blind readers too
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]


def _nice_ceiling(value: float) -> float:
    """The next round number at or above value (1, 2, 2.5, 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def line_chart(series: list[Series]) -> Markup:
    days = sorted({d for s in series for d in s.points})
    if not days:
        return Markup('<p class="empty">No figures yet: ingest an article to see them here.</p>')
    top = _nice_ceiling(max(v for s in series for v in s.points.values()))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        if len(days) == 1:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - days[0]).days / max((days[-1] - days[0]).days, 1)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        f'aria-label="Figures over time by claimant and category">'
    ]
    for i in range(5):  # horizontal grid with values
        value = top * i / 4
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{_number(value)}</text>"
        )
    shown = days if len(days) <= 6 else [days[round(i * (len(days) - 1) / 5)] for i in range(6)]
    for day in dict.fromkeys(shown):
        parts.append(
            f'<text class="tick" x="{x(day):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
            f"{day.isoformat()}</text>"
        )
    for index, line in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        points = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in line.points.items())
        parts.append(
            f'<g class="series" data-label="{escape(line.label)}">'
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'
        )
        for day, value in line.points.items():
            parts.append(
                f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="4" fill="{colour}">'
                f"<title>{escape(line.label)}: {_number(value)} on {day.isoformat()}</title></circle>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    legend = "".join(
        f'<li><span class="swatch" style="background:{PALETTE[i % len(PALETTE)]}"></span>'
        f"{escape(s.label)} <small>({_number(s.total)})</small></li>"
        for i, s in enumerate(series)
    )
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')
