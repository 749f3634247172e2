// Renders assets/icon.svg to the PNG sizes the manifest names (16, 32, 64, 80), with Debian's chromium.
// Run once after changing the SVG: node scripts/make-icons.js
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

(async () => {
  const svg = fs.readFileSync(path.join(__dirname, "..", "assets", "icon.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  for (const size of [16, 32, 64, 80]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: path.join(__dirname, "..", "assets", `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
  await browser.close();
})();
