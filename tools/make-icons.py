"""Draws the app icons (assets/icons/*.png) once; the PNGs are committed.

A residence card in white on the header's blue (#12355b, style/main.css): a rounded card with
a photo square and three text lines. `maskable` keeps the card inside the central 80 % safe
zone so launchers may crop the icon to any shape.

Run: python3 tools/make-icons.py   (needs Pillow)
"""
from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (0x12, 0x35, 0x5B)
WHITE = (0xFF, 0xFF, 0xFF)
OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"


def draw(size: int, card_scale: float, rounded_background: bool) -> Image.Image:
    scale = 4  # draw large, then downsample for smooth edges
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if rounded_background:
        d.rounded_rectangle((0, 0, s - 1, s - 1), radius=s // 6, fill=BRAND)
    else:
        d.rectangle((0, 0, s, s), fill=BRAND)
    w = s * card_scale
    h = w * 0.63  # ID-1 card proportions
    x0, y0 = (s - w) / 2, (s - h) / 2
    d.rounded_rectangle((x0, y0, x0 + w, y0 + h), radius=w * 0.07, fill=WHITE)
    pad = w * 0.08
    # Photo.
    pw = h * 0.55
    d.rounded_rectangle(
        (x0 + pad, y0 + (h - pw * 1.2) / 2, x0 + pad + pw, y0 + (h + pw * 1.2) / 2),
        radius=w * 0.02,
        fill=BRAND,
    )
    # Text lines.
    lx = x0 + pad * 2 + pw
    for i, frac in enumerate((0.9, 0.7, 0.8)):
        ly = y0 + h * (0.3 + 0.2 * i)
        d.rounded_rectangle(
            (lx, ly - h * 0.045, lx + (x0 + w - pad - lx) * frac, ly + h * 0.045),
            radius=h * 0.045,
            fill=BRAND,
        )
    return img.resize((size, size), Image.LANCZOS)


def save(img: Image.Image, name: str) -> None:
    # Four colours keep the files small (the first load fetches icon-192) and the edges smooth.
    img.quantize(colors=4, method=Image.Quantize.FASTOCTREE).save(OUT / name, optimize=True)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    save(draw(192, 0.72, True), "icon-192.png")
    save(draw(512, 0.72, True), "icon-512.png")
    save(draw(512, 0.56, False), "maskable-512.png")
    for p in sorted(OUT.glob("*.png")):
        print(p.name, p.stat().st_size, "bytes")
