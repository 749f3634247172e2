/**
 * @jest-environment jsdom
 *
 * manifest.xml checked offline (office-addin-manifest validate posts it to a Microsoft service):
 * the schema (the part this manifest uses, transcribed), every resid resolves, string length limits,
 * a zh-CN override for every user-visible string, https URLs and existing icons of the right size
 * (HighResolutionIconUrl 64×64), no redundant AppDomain, requirement sets, and an
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

test("well-formed XML, a task pane app", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(doc.documentElement.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
  expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

/**
 * The part of Microsoft's manifest schemas (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd)
 * this manifest uses, transcribed: for each element, its children in schema order with their
 * [minOccurs, maxOccurs]. Office refuses a manifest with an element out of order or under the wrong
 * parent; `office-addin-manifest validate` would say so but posts to a Microsoft service (offline here).
 */
const MANY = Infinity;
const SCHEMA: Record<string, [string, number, number][]> = {
  OfficeApp: [
    ["Id", 1, 1], ["AlternateId", 0, 1], ["Version", 1, 1], ["ProviderName", 1, 1], ["DefaultLocale", 1, 1], ["DisplayName", 1, 1],
    ["Description", 1, 1], ["IconUrl", 0, 1], ["HighResolutionIconUrl", 0, 1], ["SupportUrl", 0, 1], ["AppDomains", 0, 1], ["Hosts", 0, 1],
    ["Requirements", 0, 1], ["DefaultSettings", 1, 1], ["Permissions", 0, 1], ["AllowSnapshot", 0, 1], ["VersionOverrides", 0, 1],
  ],
  DisplayName: [["Override", 0, MANY]],
  "OfficeApp/Description": [["Override", 0, MANY]],
  IconUrl: [["Override", 0, MANY]],
  HighResolutionIconUrl: [["Override", 0, MANY]],
  SupportUrl: [["Override", 0, MANY]],
  AppDomains: [["AppDomain", 0, MANY]],
  "OfficeApp/Hosts": [["Host", 1, MANY]],
  Requirements: [["Sets", 0, 1], ["Methods", 0, 1]],
  Sets: [["Set", 1, MANY]],
  DefaultSettings: [["SourceLocation", 1, 1], ["RequestedWidth", 0, 1], ["RequestedHeight", 0, 1]],
  VersionOverrides: [["Description", 0, 1], ["Requirements", 0, 1], ["Hosts", 0, 1], ["Resources", 0, 1], ["WebApplicationInfo", 0, 1], ["EquivalentAddins", 0, 1]],
  "VersionOverrides/Hosts": [["Host", 1, MANY]],
  "Hosts/Host": [["Runtimes", 0, 1], ["AllFormFactors", 0, 1], ["DesktopFormFactor", 0, 1]],
  Runtimes: [["Runtime", 1, MANY]],
  DesktopFormFactor: [["GetStarted", 0, 1], ["FunctionFile", 0, 1], ["ExtensionPoint", 1, MANY]],
  GetStarted: [["Title", 1, 1], ["Description", 1, 1], ["LearnMoreUrl", 1, 1]],
  ExtensionPoint: [["OfficeTab", 0, 1], ["CustomTab", 0, MANY], ["OfficeMenu", 0, MANY]],
  OfficeTab: [["Group", 1, MANY]],
  Group: [["Label", 1, 1], ["Icon", 1, 1], ["Control", 1, MANY]],
  Control: [["Label", 1, 1], ["Supertip", 1, 1], ["Icon", 1, 1], ["Action", 1, 1], ["Enabled", 0, 1]],
  Supertip: [["Title", 1, 1], ["Description", 1, 1]],
  Icon: [["Image", 1, MANY]],
  Action: [["FunctionName", 0, 1], ["TaskpaneId", 0, 1], ["SourceLocation", 0, 1], ["Title", 0, 1]],
  Resources: [["Images", 0, 1], ["Urls", 0, 1], ["ShortStrings", 0, 1], ["LongStrings", 0, 1]],
  Images: [["Image", 1, MANY]],
  Urls: [["Url", 1, MANY]],
  ShortStrings: [["String", 1, MANY]],
  LongStrings: [["String", 1, MANY]],
  String: [["Override", 0, MANY]],
};
/** Elements whose content is text or attributes only. */
const LEAVES = new Set(["Id", "Version", "ProviderName", "DefaultLocale", "Override", "AppDomain", "Set", "SourceLocation", "Permissions", "Runtime", "FunctionFile", "Title", "LearnMoreUrl", "Label", "Image", "Url", "FunctionName", "TaskpaneId", "Description"]);

/** The schema entry of an element: by parent/name where the name is ambiguous, else by name. */
function schemaOf(el: Element): [string, number, number][] | undefined {
  const parent = el.parentElement ? local(el.parentElement) : "";
  return SCHEMA[`${parent}/${local(el)}`] ?? (LEAVES.has(local(el)) ? undefined : SCHEMA[local(el)]);
}

/** What the transcribed schema finds wrong with a manifest (nothing, for a valid one). */
function schemaProblems(root: Element): string[] {
  const problems: string[] = [];
  const visit = (el: Element, where: string) => {
    const rules = schemaOf(el);
    const kids = children(el);
    if (!rules) {
      if (kids.length && !LEAVES.has(local(el))) problems.push(`${where}: not in the transcribed schema`);
      if (LEAVES.has(local(el)) && kids.some((k) => local(k) !== "Override")) problems.push(`${where}: ${local(el)} has child elements`);
    } else {
      const names = rules.map((r) => r[0]);
      let last = -1;
      for (const k of kids) {
        const i = names.indexOf(local(k));
        if (i < 0) problems.push(`${where}: <${local(k)}> is not a valid child of <${local(el)}>`);
        else if (i < last) problems.push(`${where}: <${local(k)}> is out of order`);
        else last = i;
      }
      for (const [name, min, max] of rules) {
        const n = kids.filter((k) => local(k) === name).length;
        if (n < min || n > max) problems.push(`${where}: <${name}> occurs ${n} times (allowed ${min}–${max})`);
      }
    }
    for (const k of kids) visit(k, `${where}/${local(k)}`);
  };
  visit(root, local(root));
  return problems;
}

test("offline schema check: every element is allowed under its parent, in schema order, as often as the schema allows", () => {
  expect(schemaProblems(doc.documentElement)).toEqual([]);
  // xsi:type where the schema needs one.
  const XSI = "http://www.w3.org/2001/XMLSchema-instance";
  for (const name of ["ExtensionPoint", "Control", "Action"]) for (const el of all(name)) expect([name, el.getAttributeNS(XSI, "type")]).toEqual([name, expect.any(String)]);
  for (const url of [...xml.matchAll(/(DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[2])) expect(url.length).toBeLessThanOrEqual(2048);
});

test("the schema check catches what Office refuses: an element out of order, under the wrong parent, or missing", () => {
  const broken = (mutate: (d: Document) => void) => {
    const d = new DOMParser().parseFromString(xml, "application/xml");
    mutate(d);
    return schemaProblems(d.documentElement);
  };
  const first = (d: Document, name: string) => d.getElementsByTagNameNS("*", name)[0];
  expect(broken((d) => d.documentElement.insertBefore(first(d, "Version"), first(d, "Id")))).toEqual(["OfficeApp: <Id> is out of order"]);
  expect(broken((d) => first(d, "OfficeTab").appendChild(first(d, "Control")))).toEqual([
    "OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab: <Control> is not a valid child of <OfficeTab>",
  ]);
  expect(broken((d) => first(d, "DefaultSettings").remove())).toEqual(["OfficeApp: <DefaultSettings> occurs 0 times (allowed 1–1)"]);
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

test("requirements, permissions, https URLs, icons: 16/32/80 for commands, 32 and 64 for the task pane, no redundant AppDomain", () => {
  const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
  expect(sets).toEqual([["ExcelApi", "1.9"], ["SharedRuntime", "1.1"]]);
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  const urls = [...xml.matchAll(/(DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[2]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
  const sizeOf = (url: string) => {
    const png = readFileSync(path.join(ROOT, url.replace("https://localhost:3000/", "")));
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };
  for (const img of children(one("Images"))) {
    const size = Number(img.getAttribute("id")!.match(/(\d+)x\1/)![1]);
    expect([img.getAttribute("id"), sizeOf(img.getAttribute("DefaultValue")!)]).toEqual([img.getAttribute("id"), [size, size]]);
  }
  expect(sizeOf(one("IconUrl").getAttribute("DefaultValue")!)).toEqual([32, 32]);
  expect(sizeOf(one("HighResolutionIconUrl").getAttribute("DefaultValue")!)).toEqual([64, 64]);
  // An AppDomain naming the add-in's own origin has no effect; the add-in navigates nowhere else.
  expect(all("AppDomain")).toEqual([]);
});

test("the production build rewrites every localhost URL; without SELFEVAL_URL it keeps targeting localhost (sideloading)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEV_URL, productionUrl, rewriteManifest } = require("../scripts/manifestUrls");
  const out: string = rewriteManifest(xml, productionUrl({ SELFEVAL_URL: "https://zpb.czj.example.gov.cn/selfeval" }));
  expect(out).not.toContain("localhost");
  expect(out).toContain('DefaultValue="https://zpb.czj.example.gov.cn/selfeval/taskpane.html"');
  expect(productionUrl({})).toBe(DEV_URL);
  expect(rewriteManifest(xml, productionUrl({}))).toBe(xml);
  expect(() => productionUrl({ SELFEVAL_URL: "http://insecure.example" })).toThrow(/https/);
});
