/**
 * The production build deploys the add-in alone: dist/web holds the task pane (also the ribbon's
 * function file), its icons, help page and manifest and the licences of what it bundles — no source
 * maps, no playground, nothing GPL. Without SELFEVAL_URL the build says its manifest targets
 * localhost (sideloading). The playground is its own production build in another folder.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import { tempDir } from "../support/workbooks";

jest.setTimeout(300000);

const ROOT = path.join(__dirname, "..", "..");

test("npm run build: the add-in alone in dist/web, with the licences of what it bundles, and a manifest that says where it points", () => {
  const dist = tempDir("selfeval-build-");
  const env: NodeJS.ProcessEnv = { ...process.env, SELFEVAL_DIST: dist };
  delete env.SELFEVAL_URL;
  // The add-in's configuration of the production build (the playground's is built the same way, into dist/playground).
  const out = execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--config-name", "addin"], { cwd: ROOT, env, encoding: "utf8" });
  expect(out).toContain("SELFEVAL_URL is not set: the manifest targets https://localhost:3000/ (for sideloading)");
  const web = path.join(dist, "web");
  const files = readdirSync(web, { recursive: true }).map(String).sort();
  expect(files.filter((f) => !/^taskpane\.[0-9a-f]{8}\.js(\.LICENSE\.txt)?$/.test(f))).toEqual([
    "THIRD-PARTY-LICENSES.txt",
    "assets",
    path.join("assets", "icon-16.png"),
    path.join("assets", "icon-32.png"),
    path.join("assets", "icon-64.png"),
    path.join("assets", "icon-80.png"),
    "help.html",
    "manifest.xml",
    "taskpane.html",
  ]);
  expect(files.some((f) => f.endsWith(".map"))).toBe(false);
  const bundle = readFileSync(path.join(web, files.find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))!), "utf8");
  expect(bundle).not.toMatch(/hyperformula|sourceMappingURL/i);
  const licences = readFileSync(path.join(web, "THIRD-PARTY-LICENSES.txt"), "utf8");
  expect(licences).toMatch(/^react@19\.3\.1 {2}MIT$/m);
  expect(licences).toMatch(/^@fluentui\/react-components@[\d.]+ {2}MIT$/m);
  expect(licences).toContain("Permission is hereby granted");
  expect(licences).not.toMatch(/GPL/);
  expect(readFileSync(path.join(web, "manifest.xml"), "utf8")).toContain('DefaultValue="https://localhost:3000/taskpane.html"');
  expect(existsSync(path.join(dist, "playground"))).toBe(false);
});

test("the production configuration: the add-in and the playground go to separate folders, each with its licence file", () => {
  const previous = process.env.SELFEVAL_DIST;
  process.env.SELFEVAL_DIST = "/tmp/selfeval-dist";
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configs = require("../../webpack.config.js")({}, { mode: "production" }) as { name: string; entry: Record<string, string>; output: { path: string }; devtool: unknown; plugins: object[] }[];
    expect(configs.map((c) => [c.name, Object.keys(c.entry), c.output.path, c.devtool])).toEqual([
      ["addin", ["taskpane"], "/tmp/selfeval-dist/web", false],
      ["playground", ["playground"], "/tmp/selfeval-dist/playground", false],
    ]);
    for (const c of configs) expect(c.plugins.some((p) => p.constructor.name === "LicensesPlugin")).toBe(true);
  } finally {
    log.mockRestore();
    if (previous === undefined) delete process.env.SELFEVAL_DIST;
    else process.env.SELFEVAL_DIST = previous;
  }
});
