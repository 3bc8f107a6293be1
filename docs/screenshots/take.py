"""The README's screenshots, taken with the system Chromium from a running demo.

    make run                       # in one terminal
    .venv/bin/python docs/screenshots/take.py [http://localhost:8000]

Writes docs/screenshots/home-laptop.png (Studio M6's home page, 1280×800) and
event-phone.png (its event page on a 360×740 phone), scaled down so that each stays small.
"""

import io
import os
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def shot(browser, url, path, viewport, width):
    context = browser.new_context(viewport=viewport, locale="pl-PL")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    image = Image.open(io.BytesIO(page.screenshot()))
    image.thumbnail((width, width * 4))
    image = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=128)
    image.save(path, optimize=True)
    context.close()
    print(f"{path}: {path.stat().st_size // 1024} KB")


def main(base="http://localhost:8000"):
    port = base.rsplit(":", 1)[-1].strip("/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        shot(
            browser,
            f"http://m6.localhost:{port}/pl/",
            HERE / "home-laptop.png",
            {"width": 1280, "height": 800},
            720,
        )
        shot(
            browser,
            f"http://m6.localhost:{port}/pl/wydarzenia/porozmawiajmy-o-integracji/",
            HERE / "event-phone.png",
            {"width": 360, "height": 740},
            300,
        )
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
