"""A small server-rendered SVG bar chart: no JavaScript, readable by screen readers, printable."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 20, 50


def bar_chart(points, title, description, chart_id="chart"):
    """``points``: (label, value) pairs in display order. Returns inline SVG markup."""
    if not points:
        return ""
    peak = max(value for _, value in points) or 1
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / len(points)
    bar = max(2.0, slot * 0.7)
    rotate = len(points) > 12
    bars = []
    for index, (label, value) in enumerate(points):
        height = plot_height * value / peak
        x = LEFT + index * slot + (slot - bar) / 2
        y = TOP + plot_height - height
        label_y = HEIGHT - BOTTOM + 16
        transform = f' transform="rotate(-60 {x + bar / 2:.1f} {label_y})"' if rotate else ""
        bars.append(
            format_html(
                '<g class="bar"><rect x="{}" y="{}" width="{}" height="{}" fill="#0b3d62"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" text-anchor="{}" font-size="11"{}>{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text></g>',
                f"{x:.1f}",
                f"{y:.1f}",
                f"{bar:.1f}",
                f"{height:.1f}",
                label,
                value,
                f"{x + bar / 2:.1f}",
                label_y,
                "end" if rotate else "middle",
                mark_safe(transform),
                label,
                f"{x + bar / 2:.1f}",
                f"{y - 4:.1f}",
                value if not rotate or len(points) <= 40 else "",
            )
        )
    axis = format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#4a4a4a"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11">0</text>',
        LEFT,
        TOP + plot_height,
        WIDTH - RIGHT,
        TOP + plot_height,
        LEFT - 6,
        TOP + 4,
        peak,
        LEFT - 6,
        TOP + plot_height,
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        axis,
        format_html_join("", "{}", ((b,) for b in bars)),
    )
