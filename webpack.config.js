// `npm start`: a production build of the task pane and the playground, served over HTTPS on localhost
// (for sideloading and the playground: minified, so the playground paints within a few seconds).
// Development (`npm run start:dev`, the browser tests): one quick build of the task pane, the
// playground and the test stand-in for office.js, served the same way.
// Production (`npm run build`): two folders. dist/web is the add-in alone, the folder to deploy:
// the task pane (also the ribbon's function file), its icons, help page and manifest, and the
// licences of what it bundles; no source maps, no playground. dist/playground is the playground
// (it bundles HyperFormula, GPL-3.0, and ExcelJS) with its own licence file; it is not deployed
// with the add-in. The manifest's localhost URLs are rewritten to SELFEVAL_URL; without it the
// build says that its manifest targets https://localhost:3000/ (sideloading).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const fs = require("fs");
const os = require("os");
const { DEV_URL, productionUrl, rewriteManifest } = require("./scripts/manifestUrls");
const { LicensesPlugin } = require("./scripts/licensesPlugin");

/**
 * Excel desktop loads add-ins only from a trusted certificate: use the one `npx office-addin-dev-certs
 * install` makes (and trusts) when it exists; otherwise webpack-dev-server's self-signed one, which
 * browsers accept after a warning (enough for the playground and Excel on the web).
 */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return "https";
  return { type: "https", options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])) };
}

const typescript = (production) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  // Type checking is `tsc --noEmit` (npm test); the bundle only transpiles.
  use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false, sourceMap: !production } } },
});

const common = (production) => ({
  mode: production ? "production" : "development",
  devtool: production ? false : "eval-cheap-module-source-map",
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [typescript(production)] },
});

const taskpanePage = () => new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] });
const playgroundPage = () => new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] });
const icons = { from: "assets/icon-*.png", to: "assets/[name][ext]" };
const examples = { from: "examples/*.xlsx", to: "examples/[name][ext]" };
// Size limits watch the add-in; the playground (ExcelJS, HyperFormula) is a development page.
const addinBudget = { maxAssetSize: 1_000_000, maxEntrypointSize: 1_000_000, assetFilter: (file) => file.startsWith("taskpane") && file.endsWith(".js") };

/** The dev server both `npm start` (production) and `npm run start:dev` use. */
const devServer = (staticDir) => ({
  server: httpsServer(),
  host: "localhost",
  port: 3000,
  hot: false,
  headers: { "Access-Control-Allow-Origin": "*" },
  static: staticDir ? { directory: staticDir, watch: false } : false,
  client: { overlay: { warnings: false } },
  open: false,
  onListening: (server) => {
    const base = `https://localhost:${server.server.address().port}/`;
    console.log(`\n  自评表核对 / SelfEval Check\n  体验页 Playground:  ${base}playground.html\n  加载项 Add-in:      ${base}taskpane.html (manifest: ${base}manifest.xml)\n`);
  },
});

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  if (!production) {
    return {
      ...common(false),
      entry: {
        taskpane: "./src/taskpane/bootstrap.ts",
        playground: "./src/playground/index.tsx",
        // Stands in for office.js in the browser tests of the task pane; never in a production build.
        "fake-office": "./src/playground/fakeOfficeJs.ts",
      },
      output: { path: path.resolve(__dirname, "dist", "web"), filename: "[name].[contenthash:8].js", clean: true },
      plugins: [
        taskpanePage(),
        playgroundPage(),
        new CopyWebpackPlugin({ patterns: [icons, { from: "src/help.html", to: "help.html" }, examples, { from: "manifest.xml", to: "manifest.xml" }] }),
      ],
      performance: addinBudget,
      devServer: devServer(path.join(__dirname, "dist", "web")),
    };
  }

  if (env?.WEBPACK_SERVE) {
    // `npm start`: the production build of both pages, served from memory (the manifest stays on localhost).
    return {
      ...common(true),
      name: "serve",
      entry: { taskpane: "./src/taskpane/bootstrap.ts", playground: "./src/playground/index.tsx" },
      output: { path: path.resolve(__dirname, "dist", "serve"), filename: "[name].[contenthash:8].js", clean: true },
      plugins: [
        taskpanePage(),
        playgroundPage(),
        new CopyWebpackPlugin({ patterns: [icons, { from: "src/help.html", to: "help.html" }, examples, { from: "manifest.xml", to: "manifest.xml" }] }),
        new LicensesPlugin({ title: "自评表核对 / SelfEval Check — add-in and playground as served by npm start" }),
      ],
      performance: addinBudget,
      devServer: devServer(undefined),
    };
  }

  const root = process.env.SELFEVAL_DIST ? path.resolve(process.env.SELFEVAL_DIST) : path.resolve(__dirname, "dist");
  const baseUrl = productionUrl();
  if (baseUrl === DEV_URL) {
    console.log(
      `\n  SELFEVAL_URL 未设置：${path.join(root, "web", "manifest.xml")} 指向 ${DEV_URL}（本机旁加载用）。正式部署请设置 SELFEVAL_URL=https://你的站点/路径/ 后重新构建。\n` +
        `  SELFEVAL_URL is not set: the manifest targets ${DEV_URL} (for sideloading). Set SELFEVAL_URL=https://your.host/path/ to build for deployment.\n`,
    );
  } else console.log(`\n  manifest.xml → ${baseUrl}\n`);
  return [
    {
      ...common(true),
      name: "addin",
      entry: { taskpane: "./src/taskpane/bootstrap.ts" },
      output: { path: path.join(root, "web"), filename: "[name].[contenthash:8].js", clean: true },
      plugins: [
        taskpanePage(),
        new CopyWebpackPlugin({
          patterns: [
            icons,
            { from: "src/help.html", to: "help.html" },
            { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), baseUrl) },
          ],
        }),
        new LicensesPlugin({ title: "自评表核对 / SelfEval Check — Excel add-in (dist/web)" }),
      ],
      performance: addinBudget,
    },
    {
      ...common(true),
      name: "playground",
      entry: { playground: "./src/playground/index.tsx" },
      output: { path: path.join(root, "playground"), filename: "[name].[contenthash:8].js", clean: true },
      plugins: [playgroundPage(), new CopyWebpackPlugin({ patterns: [icons, examples] }), new LicensesPlugin({ title: "自评表核对 / SelfEval Check — playground (dist/playground, not part of the add-in)" })],
      performance: { hints: false },
    },
  ];
};
