// Builds the task pane (with the ribbon commands, one shared runtime) and serves it over HTTPS on
// localhost for sideloading. `--mode production` writes dist/ with the manifest's localhost URLs
// rewritten to SELFEVAL_URL.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const fs = require("fs");
const os = require("os");
const { productionUrl, rewriteManifest } = require("./scripts/manifestUrls");

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

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/bootstrap.ts",
      // The playground is its own entry: not part of the add-in bundle.
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `tsc --noEmit` (npm test); the bundle only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false, sourceMap: true } } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          { from: "examples/*.xlsx", to: "examples/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? rewriteManifest(content.toString(), productionUrl()) : content),
          },
        ],
      }),
    ],
    // Size limits watch the add-in; the playground (ExcelJS, HyperFormula) is a development page.
    performance: { maxAssetSize: 1_000_000, maxEntrypointSize: 1_000_000, assetFilter: (file) => file.startsWith("taskpane") && file.endsWith(".js") },
    devServer: {
      server: httpsServer(),
      host: "localhost",
      port: 3000,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.join(__dirname, "dist", "web"), watch: false },
      client: { overlay: { warnings: false } },
      open: false,
      onListening: (server) => {
        const base = `https://localhost:${server.server.address().port}/`;
        console.log(`\n  自评表核对 / SelfEval Check\n  体验页 Playground:  ${base}playground.html\n  加载项 Add-in:      ${base}taskpane.html (manifest: ${base}manifest.xml)\n`);
      },
    },
  };
};
