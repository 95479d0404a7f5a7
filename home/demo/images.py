"""Landscape pictures drawn with Pillow, so the demo needs no download."""

import io
import random

from PIL import Image, ImageDraw

PALETTES = {
    "ruong-bac-thang": ((142, 197, 235), (235, 209, 120), (86, 130, 62)),
    "nui-rung": ((180, 214, 240), (70, 110, 80), (40, 80, 55)),
    "ban-lang": ((250, 200, 150), (120, 95, 70), (60, 110, 60)),
    "hoi-nghi": ((220, 225, 232), (165, 30, 35), (120, 120, 130)),
    "song-da": ((200, 225, 245), (90, 140, 110), (70, 130, 170)),
}


def draw_landscape(name, width=960, height=540):
    """Return JPEG bytes of a landscape in the palette ``name``, the same bytes every time."""
    sky, hills, ground = PALETTES[name]
    generator = random.Random(name)  # noqa: S311 (a repeatable drawing, not a secret)
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    for row in range(height // 2):
        shade = tuple(min(255, channel + row // 6) for channel in sky)
        draw.line([(0, row), (width, row)], fill=shade)
    for layer in range(3):
        base = height // 2 + layer * height // 10
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base - generator.randint(20, 120)))
        points.append((width, height))
        colour = tuple(max(0, channel - layer * 25) for channel in hills)
        draw.polygon(points, fill=colour)
    draw.rectangle([(0, int(height * 0.82)), (width, height)], fill=ground)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
