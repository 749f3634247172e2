/**
 * Profiles are data: grade bands, scoring rules, caps, thresholds. Rules read them; no rule
 * hard-codes a band or a cap. Each profile names where its rules come from, so the UI can show it.
 */

export type Grade = "优" | "良" | "中" | "差";

export interface GradeBand {
  grade: Grade;
  /** Lowest total (inclusive) that earns this grade. */
  min: number;
}

/** How a reverse (≤ / <) indicator loses points when the achieved value is above its target. */
export type ReverseRule = "ratio" | "linear" | "either";

export interface Profile {
  id: ProfileId;
  name: { zh: string; en: string };
  /** Where the rules come from, shown to the user. */
  source: { zh: string; en: string };
  /** Highest band first. */
  gradeBands: GradeBand[];
  /** 执行率得分 = 分值 × min(执行率, cap). */
  execScore: { kind: "proportional"; cap: number };
  reverseRule: ReverseRule;
  /** Qualitative bands as fractions of the weight: 达成 ≥ achieved, 部分达成 ≥ partial. */
  qualitativeBands: { achieved: number; partial: number };
  /** Highest weight one third-level indicator may carry, or null for none. */
  indicatorWeightCap: number | null;
  /** A written reason is required when the execution rate is below this fraction, or null. */
  reasonBelowRate: number | null;
  /** First-level section weights to assume where the sheet's labels declare none, or null. */
  sectionWeights: Record<string, number> | null;
  /** Achieving at least this multiple of a target earns an info note (target set too low). */
  overAchievementRatio: number;
}

export type ProfileId = "national" | "yunnan" | "yunnan-lincang-2022" | "sichuan";

const NATIONAL_BANDS: GradeBand[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: -Infinity },
];

const national: Profile = {
  id: "national",
  name: { zh: "全国通用（财预〔2020〕10号）", en: "National (MOF 2020 No. 10)" },
  source: {
    zh: "财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）：优≥90，良80–90，中60–80，差<60；执行率得分＝分值×执行率（不超过100%）；定性指标按达成 80–100%、部分达成 60–80%、未达成 0–60% 计分。",
    en: "Ministry of Finance rules (Cai Yu [2020] No. 10): 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; execution score = weight × rate (capped at 100 %); qualitative bands 80–100 % / 60–80 % / 0–60 %.",
  },
  gradeBands: NATIONAL_BANDS,
  execScore: { kind: "proportional", cap: 1 },
  reverseRule: "either",
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  indicatorWeightCap: null,
  reasonBelowRate: null,
  sectionWeights: null,
  overAchievementRatio: 1.2,
};

const yunnan: Profile = {
  ...national,
  id: "yunnan",
  name: { zh: "云南（项目支出绩效单位自评表）", en: "Yunnan (project self-evaluation form)" },
  source: {
    zh: "云南省自评表填表说明：优≥90，良80–90，中60–80，差<60；自评得分＝执行率得分（10分）＋绩效指标得分（90分：产出50、效益30、满意度10）；临沧市规定单个三级指标分值不高于30分。",
    en: "Yunnan form notes: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; score = execution (10) + indicators (90: output 50, benefit 30, satisfaction 10); Lincang: no single third-level indicator above 30.",
  },
  indicatorWeightCap: 30,
  sectionWeights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
};

const yunnanLincang2022: Profile = {
  ...yunnan,
  id: "yunnan-lincang-2022",
  name: { zh: "云南临沧（2022年度通知）", en: "Yunnan, Lincang 2022 notice" },
  source: {
    zh: "临沧市财政局临财绩发〔2022〕1号：优≥95，良85–95，中60–85，差<60（注意：同表填表说明印的是≥90为优）；其余同云南。",
    en: "Lincang finance bureau notice (2022 No. 1): 优 ≥ 95, 良 85–95, 中 60–85, 差 < 60 (the form note under the same tables prints ≥ 90); otherwise as Yunnan.",
  },
  gradeBands: [
    { grade: "优", min: 95 },
    { grade: "良", min: 85 },
    { grade: "中", min: 60 },
    { grade: "差", min: -Infinity },
  ],
};

const sichuan: Profile = {
  ...national,
  id: "sichuan",
  name: { zh: "四川（部门预算项目支出绩效自评表）", en: "Sichuan (department project self-evaluation form)" },
  source: {
    zh: "四川省自评表：预算执行率＝预算执行数/调整后预算数，执行率未达到90%的需说明原因；等级与计分同全国；绩效指标90分的分配不固定。",
    en: "Sichuan form: rate = executed ÷ adjusted budget; a reason is required below 90 %; grades and scoring as national; the 90 indicator points are split freely.",
  },
  reasonBelowRate: 0.9,
};

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  national,
  yunnan,
  "yunnan-lincang-2022": yunnanLincang2022,
  sichuan,
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(id: string): id is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, id);
}

export function gradeFor(total: number, profile: Profile): Grade {
  // Totals are sums of decimals: judge them at two decimals so 89.999999 is 90.
  const t = Math.round(total * 100) / 100;
  for (const band of profile.gradeBands) if (t >= band.min) return band.grade;
  return "差";
}

/** "优 ≥ 90；良 80–90；中 60–80；差 < 60" */
export function describeBands(profile: Profile, gradeName: (grade: Grade) => string = (g) => g, separator = "；"): string {
  const b = profile.gradeBands;
  return b
    .map((band, i) => {
      const grade = gradeName(band.grade);
      if (i === 0) return `${grade} ≥ ${band.min}`;
      if (band.min === -Infinity) return `${grade} < ${b[i - 1].min}`;
      return `${grade} ${band.min}–${b[i - 1].min}`;
    })
    .join(separator);
}
