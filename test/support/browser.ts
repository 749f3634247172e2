/** Browser tests: build the pages once, serve them on localhost, drive Debian's chromium headless. */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import { Browser, chromium } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");
export const SCREENSHOTS = path.join(ROOT, "test-output", "e2e");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Build the web pages (development mode: faster, same code) into dist/<folder> (one per suite: Jest runs suites side by side). */
export function buildPages(folder = "e2e"): string {
  const out = path.join(ROOT, "dist", folder);
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development", "--output-path", out], {
    cwd: ROOT,
    stdio: "pipe",
  });
  return out;
}

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launch(): Promise<Browser> {
  if (!existsSync("/usr/bin/chromium")) throw new Error("Chromium is missing: apt-get install chromium fonts-wqy-zenhei (.ci/run does this)");
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
