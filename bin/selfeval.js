#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm install` (the "prepare" script) into dist/node.
let cli;
try {
  cli = require("../dist/node/cli/main.js");
} catch {
  process.stderr.write("selfeval：尚未编译，请先运行 npm install（或 npm run build:node）\n");
  process.exit(2);
}
cli.run();
