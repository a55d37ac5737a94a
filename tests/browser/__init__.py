"""Browser tests: pages driven in a real Chromium by Playwright."""
