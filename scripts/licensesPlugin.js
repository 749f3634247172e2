// A webpack plugin that writes the licences of the npm packages bundled into the output:
// THIRD-PARTY-LICENSES.txt lists each package (name, version, licence) with its licence text,
// read from the package's own LICENSE file. Used by webpack.config.js for every production build.
const fs = require("fs");
const path = require("path");

/** The package directory a bundled file comes from (the innermost node_modules/<name> or <@scope/name>). */
function packageDirOf(resource) {
  const parts = resource.split(path.sep);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const nameParts = parts[at + 1].startsWith("@") ? parts.slice(at + 1, at + 3) : parts.slice(at + 1, at + 2);
  return parts.slice(0, at + 1).concat(nameParts).join(path.sep);
}

function licenceText(dir) {
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? fs.readFileSync(path.join(dir, file), "utf8").trim() : undefined;
}

/** Every package whose code is in the compilation, with its licence. */
function bundledPackages(compilation) {
  const dirs = new Set();
  for (const module of compilation.modules) {
    const resources = [module.resource, ...(module.modules ?? []).map((m) => m.resource)].filter(Boolean);
    for (const r of resources) {
      const dir = packageDirOf(r);
      if (dir) dirs.add(dir);
    }
  }
  return [...dirs]
    .map((dir) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
      return { name: pkg.name, version: pkg.version, license: typeof pkg.license === "string" ? pkg.license : pkg.license?.type ?? "(see text)", text: licenceText(dir) };
    })
    .filter((p) => p.name)
    .sort((a, b) => a.name.localeCompare(b.name));
}

class LicensesPlugin {
  constructor(options = {}) {
    this.filename = options.filename ?? "THIRD-PARTY-LICENSES.txt";
    this.title = options.title ?? "";
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LicensesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LicensesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const packages = bundledPackages(compilation);
        const lines = [
          `${this.title}`.trim(),
          "Third-party software bundled in this folder, with the licence of each package.",
          "",
          ...packages.map((p) => `${p.name}@${p.version}  ${p.license}`),
          "",
          ...packages.flatMap((p) => [`${"=".repeat(72)}`, `${p.name}@${p.version} — ${p.license}`, "", p.text ?? `(no licence file in the package; its package.json says ${p.license})`, ""]),
        ];
        compilation.emitAsset(this.filename, new sources.RawSource(lines.join("\n")));
      });
    });
  }
}

module.exports = { LicensesPlugin, bundledPackages, packageDirOf };
