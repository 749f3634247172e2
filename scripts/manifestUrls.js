// The manifest is written for the dev server (https://localhost:3000/); the production build
// points it at the deployed site instead. Used by webpack.config.js and its test.
const DEV_URL = "https://localhost:3000/";

/**
 * Production base URL: SELFEVAL_URL, e.g. https://selfeval.example.gov.cn/addin/ (trailing slash
 * added). Without it the manifest keeps targeting the dev server (sideloading), and the build says so.
 */
function productionUrl(env = process.env) {
  const url = env.SELFEVAL_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^/]+/.test(url)) throw new Error(`SELFEVAL_URL must be an https URL, got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_URL).join(baseUrl);
}

module.exports = { DEV_URL, productionUrl, rewriteManifest };
