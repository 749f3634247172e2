/**
 * @jest-environment jsdom
 *
 * manifest.xml checked offline (office-addin-manifest validate posts it to a Microsoft service):
 * schema element order, every resid resolves, string length limits, a zh-CN override for every
 * user-visible string, https URLs and existing icons of the right size, requirement sets, and an
 * Office.actions.associate for every FunctionName. Also the production rewrite of localhost URLs.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

const children = (el: Element) => Array.from(el.children);
const local = (el: Element) => el.localName;
const all = (name: string) => Array.from(doc.getElementsByTagNameNS("*", name));
const one = (name: string) => {
  const found = all(name);
  expect(found).toHaveLength(1);
  return found[0];
};

/** The names, in order, must appear in the schema's order (those present). */
function expectOrder(el: Element, schemaOrder: string[]) {
  const names = children(el).map(local).filter((n) => schemaOrder.includes(n));
  const positions = names.map((n) => schemaOrder.indexOf(n));
  expect([local(el), positions]).toEqual([local(el), [...positions].sort((a, b) => a - b)]);
}

test("well-formed XML, a task pane app", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(doc.documentElement.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
  expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test("elements are in the order the schema requires", () => {
  expectOrder(doc.documentElement, [
    "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
    "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides",
  ]);
  for (const host of all("Host").filter((h) => h.parentElement?.localName === "Hosts" && h.parentElement.parentElement?.localName === "VersionOverrides")) {
    expectOrder(host, ["Runtimes", "DesktopFormFactor"]);
  }
  for (const ff of all("DesktopFormFactor")) expectOrder(ff, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
  for (const g of all("Group")) expectOrder(g, ["Label", "Icon", "Control"]);
  for (const c of all("Control")) expectOrder(c, ["Label", "Supertip", "Icon", "Action"]);
  for (const r of all("Resources")) expectOrder(r, ["Images", "Urls", "ShortStrings", "LongStrings"]);
  for (const s of all("Supertip")) expectOrder(s, ["Title", "Description"]);
});

test("every resid resolves to a resource of the right kind", () => {
  const ids = (section: string) => new Set(Array.from(one(section).children).map((e) => e.getAttribute("id")!));
  const images = ids("Images");
  const urls = ids("Urls");
  const shorts = ids("ShortStrings");
  const longs = ids("LongStrings");
  const refs = Array.from(doc.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
  expect(refs.length).toBeGreaterThan(10);
  for (const e of refs) {
    const id = e.getAttribute("resid")!;
    expect(id.length).toBeLessThanOrEqual(32);
    const parent = e.parentElement!.localName;
    const kind =
      local(e) === "Image" ? images
      : ["Runtime", "FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(local(e)) ? urls
      : local(e) === "Description" && ["Supertip", "GetStarted"].includes(parent) ? longs
      : shorts;
    expect([local(e), id, kind.has(id)]).toEqual([local(e), id, true]);
  }
});

test("string limits, and a zh-CN override for every user-visible string", () => {
  expect(one("DefaultLocale").textContent).toBe("en-US");
  for (const [name, max] of [["DisplayName", 125], ["Description", 250]] as const) {
    const el = children(doc.documentElement).find((e) => local(e) === name)!;
    expect(el.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(max);
    const zh = children(el).find((o) => o.getAttribute("Locale") === "zh-CN");
    expect(zh?.getAttribute("Value")?.length ?? 0).toBeGreaterThan(0);
  }
  for (const [section, max] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
    for (const s of children(one(section))) {
      expect(s.namespaceURI).toBe(BT);
      const values = [s.getAttribute("DefaultValue")!, ...children(s).map((o) => o.getAttribute("Value")!)];
      for (const v of values) expect([s.getAttribute("id"), v.length <= max]).toEqual([s.getAttribute("id"), true]);
      const zh = children(s).filter((o) => o.getAttribute("Locale") === "zh-CN");
      expect([s.getAttribute("id"), zh.length]).toEqual([s.getAttribute("id"), 1]);
    }
  }
  for (const c of all("Control")) expect(c.getAttribute("id")!.length).toBeLessThanOrEqual(125);
});

test("the ribbon: Home tab, group 绩效自评 with 检查本表 (ExecuteFunction) and 核对面板 (ShowTaskpane)", () => {
  expect(one("OfficeTab").getAttribute("id")).toBe("TabHome");
  const shortValue = (id: string, locale?: string) => {
    const s = children(one("ShortStrings")).find((e) => e.getAttribute("id") === id)!;
    return locale ? children(s).find((o) => o.getAttribute("Locale") === locale)!.getAttribute("Value") : s.getAttribute("DefaultValue");
  };
  const group = one("Group");
  expect(shortValue(children(group).find((e) => local(e) === "Label")!.getAttribute("resid")!, "zh-CN")).toBe("绩效自评");
  const controls = all("Control").map((c) => ({
    label: shortValue(children(c).find((e) => local(e) === "Label")!.getAttribute("resid")!, "zh-CN"),
    action: children(c).find((e) => local(e) === "Action")!.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"),
  }));
  expect(controls).toEqual([
    { label: "检查本表", action: "ExecuteFunction" },
    { label: "核对面板", action: "ShowTaskpane" },
  ]);
  // One shared runtime: the function file and the pane are the same page.
  const runtime = one("Runtime");
  expect(runtime.getAttribute("lifetime")).toBe("long");
  expect(one("FunctionFile").getAttribute("resid")).toBe(runtime.getAttribute("resid"));
});

test("every FunctionName has an Office.actions.associate call (through associateCommand)", () => {
  const functionNames = all("FunctionName").map((e) => e.textContent!.trim());
  expect(functionNames).toEqual(["checkSheet"]);
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f)) sources.push(readFileSync(p, "utf8"));
    }
  };
  walk(path.join(ROOT, "src"));
  const code = sources.join("\n");
  expect(code).toMatch(/Office\.actions\.associate\(name,/);
  for (const name of functionNames) {
    expect(code).toMatch(new RegExp(`associateCommand\\((COMMANDS\\.${name}|"${name}")`));
    expect(code).toMatch(new RegExp(`${name}: "${name}"`));
  }
});

test("requirements, permissions, https URLs, icons 16/32/80 in assets/", () => {
  const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
  expect(sets).toEqual([["ExcelApi", "1.9"], ["SharedRuntime", "1.1"]]);
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  const urls = [...xml.matchAll(/(DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[2]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
  for (const img of children(one("Images"))) {
    const size = Number(img.getAttribute("id")!.match(/(\d+)x\1/)![1]);
    const file = img.getAttribute("DefaultValue")!.replace("https://localhost:3000/", "");
    const png = readFileSync(path.join(ROOT, file));
    expect([file, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([file, size, size]);
  }
});

test("the production build rewrites every localhost URL", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { productionUrl, rewriteManifest } = require("../scripts/manifestUrls");
  const out: string = rewriteManifest(xml, productionUrl({ SELFEVAL_URL: "https://zpb.czj.example.gov.cn/selfeval" }));
  expect(out).not.toContain("localhost");
  expect(out).toContain('DefaultValue="https://zpb.czj.example.gov.cn/selfeval/taskpane.html"');
  expect(out).toContain("<AppDomain>https://zpb.czj.example.gov.cn</AppDomain>");
  expect(() => productionUrl({ SELFEVAL_URL: "http://insecure.example" })).toThrow(/https/);
});
