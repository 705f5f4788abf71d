"""Drawing the emotional journey map as an SVG a person reads without help.

Top to bottom, each in its own band so nothing overlaps whatever the titles or the number of steps:
the title, a legend of the rule colours, the remembered moments (first impression, worst moment, end;
a label that would touch another moves down a row), the strain line with a numbered badge per finding
at its step, the step names (vertical, one per step), and the findings, numbered as their badges.
Text widths are estimated from the font size; long text is cut with an ellipsis and given whole in a
tooltip. All page text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from harness.findings import Finding
from harness.reporting.text import articles, rule_name

RULE_COLOUR = {"repeated-prompt": "#8e24aa", "lost-context": "#1e88e5", "cold-copy": "#00897b",
               "missing-reassurance": "#f4511e", "friction": "#6d4c41"}
OTHER_COLOUR = "#757575"
FONT, CHAR = 11, 6.6  # font size and a generous average character width for it (sans-serif)
STEP_W, LEFT, RIGHT, PLOT_H, BADGE = 44, 78, 36, 150, 8
NAME_CHARS = 40  # step names on the axis are cut to this many characters


def _fit(text: str, width: float, char: float = CHAR) -> str:
    limit = max(4, int(width / char))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(x: float, y: float, text: str, width: float, extra: str = "", full: str = "") -> str:
    shown = _fit(text, width)
    tip = f"<title>{escape(full or text)}</title>" if shown != text or full else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{tip}{escape(shown)}</text>'


def _moment_rows(labels: list[tuple[float, str]], left: float, right: float) -> list[tuple[float, int, str, float]]:
    """Place each moment label (x, text) in the first row where it touches no other: (x, row, text, start)."""
    placed: list[tuple[float, int, str, float]] = []
    ends: dict[int, float] = {}
    for x, text in sorted(labels):
        width = len(text) * CHAR
        start = min(max(left, x - width / 2), right - width)
        row = 0
        while ends.get(row, -1e9) + 8 > start:
            row += 1
        ends[row] = start + width
        placed.append((x, row, text, start))
    return placed


def render_map(title: str, steps: Sequence[str], strains: Sequence[float], findings: Sequence[Finding],
               peak: int | None) -> str:
    """One journey, walked by one persona, as a standalone SVG document."""
    n = len(steps)
    strains = [*strains[:n], *[0.0] * (n - len(strains))]  # a result written without strains draws flat
    width = LEFT + max(560, (n - 1) * STEP_W) + RIGHT
    x = [LEFT + (i * (width - LEFT - RIGHT) / max(1, n - 1)) for i in range(n)]
    parts = [f'<rect width="{width}" height="HEIGHT" fill="#fff"/>',
             _text(10, 20, articles(title), width - 20, ' font-size="13" font-weight="bold"')]
    y = 40.0
    legend_x = 10.0
    for rule in sorted({f.rule for f in findings}):  # the legend: one swatch per rule on this map
        name = rule_name(rule)
        if legend_x + 16 + len(name) * CHAR > width - 10:
            legend_x, y = 10.0, y + 18
        parts.append(f'<rect x="{legend_x:.1f}" y="{y - 9:.1f}" width="10" height="10" '
                     f'fill="{RULE_COLOUR.get(rule, OTHER_COLOUR)}"/>')
        parts.append(_text(legend_x + 14, y, name, len(name) * CHAR + 2))
        legend_x += 14 + len(name) * CHAR + 18
    moments = {0: "first impression", n - 1: "end"} if n else {}
    if peak is not None:
        moments[peak] = "worst moment" if peak not in moments else f"{moments[peak]} and worst moment"
    rows = _moment_rows([(x[i], text) for i, text in moments.items()], 10, width - 10)
    top_row = y + 22
    for _, row, text, start in rows:
        parts.append(_text(start, top_row + 16 * row, text, len(text) * CHAR + 2, ' fill="#333"'))
    top = top_row + 16 * (max((r for _, r, _, _ in rows), default=0)) + 14
    plot_y = [top + s * PLOT_H for s in strains]
    for (mx, row, _, _) in rows:
        i = x.index(mx)
        parts.append(f'<line x1="{mx:.1f}" y1="{top_row + 16 * row + 4:.1f}" x2="{mx:.1f}" y2="{plot_y[i]:.1f}" '
                     'stroke="#999" stroke-dasharray="3,3"/>')
    parts.append(f'<text x="8" y="{top + 4:.1f}" fill="#2e7d32">at ease</text>')
    parts.append(f'<text x="8" y="{top + PLOT_H + 4:.1f}" fill="#b71c1c">strained</text>')
    parts.append(f'<line x1="{LEFT - 8}" y1="{top + PLOT_H:.1f}" x2="{width - RIGHT + 8}" y2="{top + PLOT_H:.1f}" '
                 'stroke="#ddd"/>')
    if n:
        points = " ".join(f"{x[i]:.1f},{plot_y[i]:.1f}" for i in range(n))
        parts.append(f'<polyline points="{points}" fill="none" stroke="#37474f" stroke-width="2.5"/>')
    for i, step in enumerate(steps):
        parts.append(f'<circle cx="{x[i]:.1f}" cy="{plot_y[i]:.1f}" r="4" fill="#37474f"><title>'
                     f"{escape(step)} (strain {strains[i]:.2f})</title></circle>")
    shown = sorted((f for f in findings if 0 <= f.step < n), key=lambda f: f.step)
    stacked: dict[int, int] = {}
    bottom = top + PLOT_H
    for k, f in enumerate(shown, start=1):
        j = stacked[f.step] = stacked.get(f.step, -1) + 1
        cy = plot_y[f.step] + 16 + 2 * BADGE * j + 2 * j
        bottom = max(bottom, cy + BADGE)
        parts.append(f'<circle cx="{x[f.step]:.1f}" cy="{cy:.1f}" r="{BADGE}" '
                     f'fill="{RULE_COLOUR.get(f.rule, OTHER_COLOUR)}"><title>{escape(rule_name(f.rule))} '
                     f"({escape(f.impact)}): {escape(f.message)}</title></circle>")
        parts.append(f'<text x="{x[f.step]:.1f}" y="{cy + 3.5:.1f}" text-anchor="middle" font-size="9" '
                     f'fill="#fff">{k}</text>')
    axis = bottom + 10
    for i, step in enumerate(steps):  # vertical step names, reading upwards, hanging under the axis
        label = f"{i + 1}. {step}"
        parts.append(f'<g transform="translate({x[i] + 4:.1f},{axis:.1f}) rotate(-90)">'
                     + _text(0, 0, label, NAME_CHARS * CHAR, ' text-anchor="end"', full=label) + "</g>")
    longest = max((len(f"{i + 1}. {step}") for i, step in enumerate(steps)), default=0)
    y = axis + min(NAME_CHARS, longest) * CHAR + 22
    for k, f in enumerate(shown, start=1):
        colour = RULE_COLOUR.get(f.rule, OTHER_COLOUR)
        parts.append(f'<circle cx="18" cy="{y - 4:.1f}" r="{BADGE}" fill="{colour}"/>'
                     f'<text x="18" y="{y - 0.5:.1f}" text-anchor="middle" font-size="9" fill="#fff">{k}</text>')
        line = f"{rule_name(f.rule)} ({f.impact}{'' if f.failed else ', can’t tell'}), step {f.step + 1}: {f.message}"
        parts.append(_text(32, y, line, width - 42, full=line))
        y += 20
    height = int(y + 4)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="{FONT}" role="img">'
            f"<title>{escape(articles(title))}</title>")
    return "\n".join([head, *parts, "</svg>"]).replace('height="HEIGHT"', f'height="{height}"')
