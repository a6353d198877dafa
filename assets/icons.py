#!/usr/bin/env python3
"""Draws Relance's icons (a white envelope with an orange reminder dot on the page's blue) and
writes them as PNG files next to this script. Standard library only; the output is committed,
so this only runs when the design changes:  python3 assets/icons.py

Shapes are signed distance functions; each pixel's coverage comes from its distance to the
edge (one sample per pixel, antialiased), so any size renders crisply.
"""
import base64
import math
import struct
import sys
import zlib
from pathlib import Path

BLUE = (0x0B, 0x5C, 0xAD)  # --accent in styles/app.css
WHITE = (0xFF, 0xFF, 0xFF)
ORANGE = (0xFF, 0x9D, 0x00)  # --focus in styles/app.css


def rounded_box(px, py, cx, cy, hw, hh, r):
    """Distance to a rectangle centred on (cx, cy), half sizes hw, hh, corner radius r."""
    qx = abs(px - cx) - hw + r
    qy = abs(py - cy) - hh + r
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - r


def segment(px, py, ax, ay, bx, by):
    """Distance to the segment a-b."""
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def layers(px, py, maskable):
    """(distance, colour) of each layer, bottom first, in a 512-unit square."""
    if maskable:  # full bleed: the platform cuts its own shape
        background = -1e9
    else:
        background = rounded_box(px, py, 256, 256, 256, 256, 104)
    # The envelope: a 272 x 192 outline, 24 thick, and its flap.
    outline = abs(rounded_box(px, py, 256, 262, 136, 96, 22)) - 12
    flap = min(segment(px, py, 132, 178, 256, 274), segment(px, py, 256, 274, 380, 178)) - 12
    envelope = min(outline, flap)
    dot = math.hypot(px - 372, py - 170) - 52
    ring = math.hypot(px - 372, py - 170) - 72  # the blue gap around the dot
    return [(background, BLUE), (envelope, WHITE), (ring, BLUE), (dot, ORANGE)]


def render(size, maskable):
    scale = 512 / size
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none (chosen per row below)
        for x in range(size):
            px, py = (x + 0.5) * scale, (y + 0.5) * scale
            r = g = b = a = 0.0
            for distance, colour in layers(px, py, maskable):
                cover = max(0.0, min(1.0, 0.5 - distance / scale))
                if cover == 0.0:
                    continue
                # "over" compositing, premultiplied
                r = colour[0] * cover + r * (1 - cover)
                g = colour[1] * cover + g * (1 - cover)
                b = colour[2] * cover + b * (1 - cover)
                a = cover + a * (1 - cover)
            if a > 0:
                pixel = (round(r / a), round(g / a), round(b / a), round(a * 255))
            else:
                pixel = (0, 0, 0, 0)
            row.extend(pixel)
        rows.append(row)
    return rows


def png(rows, size):
    """RGBA PNG; each row gets the filter (none, sub, up) that compresses it best."""
    stride = size * 4
    raw = bytearray()
    previous = bytes(stride)
    for row in rows:
        line = bytes(row[1:])
        sub = bytes((line[i] - (line[i - 4] if i >= 4 else 0)) & 0xFF for i in range(stride))
        up = bytes((line[i] - previous[i]) & 0xFF for i in range(stride))
        candidates = [(0, line), (1, sub), (2, up)]
        kind, data = min(candidates, key=lambda c: sum(v if v < 128 else 256 - v for v in c[1]))
        raw.append(kind)
        raw.extend(data)
        previous = line

    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def main():
    out = Path(__file__).resolve().parent
    files = {
        "icon-192.png": (192, False),
        "icon-512.png": (512, False),
        "icon-maskable-512.png": (512, True),
        "apple-touch-icon.png": (180, True),  # iOS rounds the corners itself
    }
    for name, (size, maskable) in files.items():
        data = png(render(size, maskable), size)
        (out / name).write_bytes(data)
        print(f"{name}: {len(data)} B")
    # The favicon goes into index.html as a data: URL, so the browser requests no icon file.
    favicon = png(render(32, False), 32)
    print(f"favicon (32 px, {len(favicon)} B): data:image/png;base64,{base64.b64encode(favicon).decode()}")


if __name__ == "__main__":
    sys.exit(main())
