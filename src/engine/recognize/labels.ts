/**
 * The vocabulary of the templates, as data: every role a column, a row, a field or a phrase can
 * play, with the synonyms the forms of the provinces use for it. Labels are matched after
 * normalisation (full-width folded, no white space: "（万元）" reads "(万元)"), and a label is
 * tried as written and without its brackets ("全年预算数（A）" → "全年预算数"). Synonyms live here
 * and nowhere else; test/engine/labels.test.ts lists what each role must and must not match.
 */

/** Synonyms of one role: each pattern matches a whole normalised label (or a phrase, where said). */
export type Synonyms = readonly RegExp[];

export function matches(synonyms: Synonyms, text: string): boolean {
  return synonyms.some((re) => re.test(text));
}

/** The first role whose synonyms match the label, as written or without its brackets. */
export function roleOf<R extends string>(vocabulary: Readonly<Record<R, Synonyms>>, text: string): R | undefined {
  if (text === "" || text.length > 40) return undefined;
  const bare = baseLabel(text);
  for (const role of Object.keys(vocabulary) as R[]) {
    if (matches(vocabulary[role], text) || (bare !== text && bare !== "" && matches(vocabulary[role], bare))) return role;
  }
  return undefined;
}

// ── Columns of the scored indicator table ─────────────────────────────────────────────────────

export type IndicatorRole = "level1" | "level2" | "level3" | "weight" | "score" | "target" | "actual" | "direction" | "unit" | "reason";

export const INDICATOR_COLUMNS: Readonly<Record<IndicatorRole, Synonyms>> = {
  level1: [/^一级(指标)?$/],
  level2: [/^二级(指标)?$/],
  level3: [/^(三级(指标)?|指标名称|指标内容|具体指标|绩效指标名称)$/],
  weight: [/^(指标|参考|标准|设定)?(分值|权重|满分|权数)(\((%|分)\)|%|\(%\)|\(分值\))?$/, /^标准分值?$/, /^满分值$/],
  score: [/^(部门|单位)?(自评|实际|评价|考核|指标|最终)?(得分|评分)(情况)?(\((分)\))?$/, /^自评分(值)?$/, /^(自评|评价)分数$/],
  target: [
    /^(年度|年初|全年|计划)?(指标值|目标值|预期指标值|预期目标值|绩效目标值|年度目标|目标|计划值|计划完成值)$/,
    /^(预期|绩效)目标(值)?$/,
    /^(指标|绩效指标)目标值$/,
    /^绩效指标值$/,
    /^预期(指标|值)$/,
  ],
  actual: [
    /^(实际)?(完成值|完成指标值|实际值|完成情况值)$/,
    /^实际完成(值|指标值|情况|数)?$/,
    /^全年(实际)?(执行|完成)情况$/,
    /^(全年|年度|年末)(实际)?(完成)?值$/,
    /^完成(数|情况)$/,
    /^(指标|实际)(完成|达成)值$/,
  ],
  // 计算符号: the 天津 form writes ≥ / ≤ / = / 定性 in a column of its own before the target.
  direction: [/^指标(性质|方向(性)?)$/, /^(计算|运算)符号$/],
  unit: [/^(度量|计量)?单位$/],
  reason: [/(偏差原因|未完成原因|扣分原因|原因分析|完成情况简述|得分简述|扣分说明|原因说明|改进措施|扣分理由)/],
};

/** A header naming one of these is a staff appraisal or a list of people, never an evaluation. */
export const NOT_EVALUATION_HEADER: Synonyms = [/^(姓名|职务|职称|考核对象|被考核人|被考核单位|学号)$/];

/**
 * Cheap tests before the header matchers run: a header row of any table names one of these; a budget
 * header names one of the budget words; a fund-use header one of its own.
 */
export const HEADER_HINT = {
  any: /指标|预算|执行|到位|得分|分值|权重|资金/,
  budget: /执行|支出|预算/,
  fund: /已使用|结余|到位|使用情况|预算/,
  goal: /^(预算金额|预算数|年度预算)/,
};

/** Enumeration marks of budget rows, by level: 一、 (1), （一） (2), 1. (3), （1） (4) (after folding). */
export const ENUMERATION_LEVELS: readonly RegExp[] = [/^[一二三四五六七八九十]+[、.]/, /^[(][一二三四五六七八九十]+[)]/, /^\d+[、.](?!\d)/, /^[(]\d+[)]/];

/** A breakdown's heading written with its first row's label: 按收入性质分：一般公共预算. */
export const INLINE_GROUP_HEADING = /^(按.{1,8}分)[:：](.+)$/;

/** A level named in a header row (the cheap test before an indicator header is matched). */
export const LEVEL_HINT: Synonyms = [/^(一级|二级|三级|指标名称|指标内容|具体指标|绩效指标名称)/];

// ── Columns of a budget-execution block ───────────────────────────────────────────────────────

export type BudgetRole = "rate" | "adjustment" | "initial" | "adjusted" | "executed" | "weight" | "score" | "reason";

export const BUDGET_COLUMNS: Readonly<Record<BudgetRole, Synonyms>> = {
  rate: [/^(全年|预算|资金|年度)?(执行|支出)率(?!得分)/, /^资金使用率/, /^执行进度$/],
  adjustment: [/^(预算)?调整(数|金额)/],
  initial: [/^年初(预算)?(数|金额|安排)?$/],
  adjusted: [
    /^(全年预算(数)?|调整后(预算)?(数)?|调整预算(数)?|全年收入(决算)?数|收入决算数|全年预算金额)$/,
    /^(实际到位(数|资金)?|到位资金)$/,
    /^(预算数|预算金额|年度预算数|年度预算)$/,
    /^(全年)?预算(批复|安排)(数|金额)?$/,
    /^调整后全年预算(数)?$/,
    /^全年可用资金$/,
  ],
  executed: [
    /^(全年执行数|预算执行数|全年支出(决算)?数|支出决算数|实际支出(数)?|执行数|实际执行数|全年实际支出|执行金额|实际执行)$/,
    /^(全年|本年|年度)?(实际)?(执行|支出|决算)(数|金额|额)$/,
    /^(已支出|已使用|实际使用)(数|金额|资金)?$/,
  ],
  weight: [/^(分值|权重|满分|标准分|分数)(%|\(%\)|\(分\)|\(\d+(\.\d+)?分\))?$/],
  score: [/^(自评|执行率|实际)?得分$/, /^评分$/],
  reason: [/^(原因|偏差原因|原因说明|说明|未达到原因|执行偏差原因)/],
};

/**
 * Sub-columns under a budget or execution parent (预算数 › 年初 / 调整 / 全年; 执行数 › 财政拨款 /
 * 其他资金): read through their parent.
 */
export const BUDGET_PARENT: Readonly<Record<"budget" | "executed", Synonyms>> = {
  budget: [/^(预算数|预算金额|年度预算(数)?|预算安排)$/],
  executed: [/^(执行数|全年执行数|实际执行|执行金额|实际支出)$/],
};

/** Under 预算数: which sub-column is which. 全年 / 调整后 over 年初 (domain.md §2). */
export const BUDGET_SUBCOLUMN: Readonly<Record<"initial" | "adjustment" | "adjusted" | "total" | "part", Synonyms>> = {
  initial: [/^年初(预算)?(数|金额)?$/],
  adjustment: [/^(预算)?调整(数|金额)?$/, /^调增调减$/],
  adjusted: [/^(全年(预算)?(数)?|调整后(预算)?(数)?|全年预算金额)$/],
  total: [/^(合计|小计|总额|总计)$/],
  part: [/^(财政拨款|当年财政拨款|财政资金|财政专户(管理资金)?|单位资金|自有资金|其他资金|其他|上年结转(资金)?|中央|省级|市级|县级)/],
};

/** A column of last year's figures kept for reference: never one of this year's roles. */
export const REFERENCE_COLUMN: Synonyms = [/^(上年|去年|上一年|以前年度)/, /参考\)?$/];

/** Rows of a budget block. */
export const BUDGET_ROWS = {
  total: [/^(年度资金总额|资金总额|总额|合计|总计|预算资金总额|年度总额|部门预算资金|年度财政资金总额|财政资金总额|年度预算资金总额)$/, /^(部门|单位|项目)?(整体)?(支出|资金)?总额$/],
  basic: [/^基本支出/],
  project: [/^项目支出/],
  /** A breakdown's first row: 其中：当年财政拨款. */
  partsStart: [/^其中/],
  /** Funding sources and spending kinds that are parts of a total, with or without 其中. */
  part: [
    /^(财政拨款|当年财政拨款|本年财政拨款|财政资金|财政专户|专户|单位资金|自有资金|上年结转|结转|其他资金|其他|中央|省级|市级|州级|县级|区级|上级|本级|社会投入|银行贷款|政府性基金|国有资本|一般公共预算|人员经费|公用经费)/,
  ],
  /** The parts of 基本支出 (a breakdown of it, written under it without 其中). */
  basicPart: [/^(人员经费|公用经费|对个人和家庭的补助|工资福利支出|商品和服务支出)/],
  /** A heading that groups the rows of one breakdown: 按收入性质分 / 按支出性质分. */
  groupHeading: [/^按.{1,8}分$/, /^(收入|支出)(性质|结构|来源)$/],
  /** Rows that end a budget block (the form's next part). */
  blockEnd: [/^(年度总体目标|年度绩效目标|年度绩效指标|绩效目标|绩效指标|一级指标|项目基本情况|年度主要任务|总体目标)/],
} satisfies Record<string, Synonyms>;

/** Labels of the budget part that carry the execution weight: 预算执行情况（10分）, 执行率（10%）. */
export const BUDGET_BLOCK_LABEL: Synonyms = [/^(预算执行情况|预算执行|执行率|项目资金|资金执行|年度预算执行情况)/];

/** A stated execution weight in a score header: 得分（10分×执行率）. */
export const EXEC_WEIGHT_IN_SCORE_HEADER = /^得分\((\d+(?:\.\d+)?)分[×xX*]执行率\)$/;

// ── Fund-use tables (项目资金使用情况表) ────────────────────────────────────────────────────────

export type FundRole = "cumBalance" | "cumCarryover" | "budget" | "arrived" | "used" | "balance" | "carryover";

export const FUND_COLUMNS: Readonly<Record<FundRole, Synonyms>> = {
  cumBalance: [/^累计结余/],
  cumCarryover: [/^累计结转/],
  budget: [/^预算(金额|数)/],
  arrived: [/^(实际)?到位(资金|数|金额)/],
  used: [/^(已使用|实际使用|已支出)(资金|金额)?/],
  balance: [/^结余(资金|金额)?$/],
  carryover: [/^结转(资金|金额)?$/],
};

// ── Goal tables (部门整体支出绩效目标自评表) ───────────────────────────────────────────────────

export const GOAL_COLUMNS = {
  planned: [/^(预算金额|预算数|年度预算)/],
  actual: [/^(实际执行|实际支出|执行数|执行金额)/],
  total: [/^(总额|合计|小计)$/],
} satisfies Record<string, Synonyms>;

// ── Rows of any table ─────────────────────────────────────────────────────────────────────────

export const ROW_LABELS = {
  /** 总分 / 合计 / 得分合计 … (a label with its declared weight, 合计（100分）, reads without it). */
  total: [/^(总分|合计|总计|得分合计|合计得分|得分总计|总分合计|自评得分合计|分值合计|综合得分|总得分|评价总分|自评总分|汇总)$/],
  /** A group's subtotal. */
  subtotal: [/^小计$/],
  /** Deductions: their score is subtracted, their weight is not part of the total. */
  deduction: [/^扣分(项|项目|指标)?/],
  /** Empty placeholder rows: 指标 1:  指标2： */
  placeholder: [/^指标\d+[:：.、]?$/, /^…+$|^\.{3,}$/],
  /** Rows that end an indicator table. */
  tableEnd: [
    /^(评价结论|自评结论|总体评价|绩效自评结论|部门\(单位\)自评结论|部门自评结论|单位自评结论|存在问题|存在的问题|改进措施|问题和建议|其他需要说明的(事项|问题)|联系人|填表说明|填报说明|评价人员|项目负责人|财务负责人|单位项目负责人|填报人|单位负责人|备注|注[:：]|说明[:：])/,
  ],
  /** A note typed between rows of a table ("注：以下为效益指标"). */
  note: [/^(注|说明|备注)/],
  /** Notes and instructions outside tables: never a statement of the result. */
  instructions: [/^(填表说明|填报说明|注[:：]|注\d|说明[:：]|备注|评分标准|计分标准|指标解释)/],
} satisfies Record<string, Synonyms>;

/** Block label carrying the declared weight of all indicators: 绩效指标（90分）/（90%）. */
export const INDICATOR_BLOCK_LABEL: Synonyms = [/^(年度)?绩效指标/];

// ── Forms and their fields ────────────────────────────────────────────────────────────────────

export const FIELD_LABELS = {
  /** The top 自评得分 field. */
  headerScore: [/^(项目|单位|部门)?(绩效)?自评(总)?得分(\((分|百分制)\))?$/, /^(自评总分|评价得分|自评分数|综合评分|总得分|总分\(分\))$/],
  /** A grade field. */
  grade: [/^(自评等级|评价等次|评价等级|自评等次|绩效等级|等级|评价结果|自评结果|考评等级)$/],
  project: [/^(项目名称|部门\(单位\)名称|部门名称|单位名称|部门\(单位\))$/],
  organisation: [/^(填报单位|项目实施单位|实施单位|主管部门|预算单位|单位名称)(\(盖章\))?$/],
  /** Other fields of a form's head (项目负责人 | 陈天王): never a field's value. */
  other: [/^(项目负责人|负责人|联系人|联系电话|填报日期|填报人|主管部门|实施单位|项目名称|部门名称|项目类型|类型|财政审核评分|审核评分)/],
} satisfies Record<string, Synonyms>;

/** A heading of a table of other years' results (附：上年度自评情况): its rows state nothing of this form. */
export const OTHER_YEARS_HEADING: Synonyms = [/^(附[:：]?)?.{0,6}(上年度?|上一年度?|去年|以前年度|历年|往年).{0,8}(自评|评价|情况|结果)/];

/** A title that names a self-evaluation (as opposed to a budget or execution report). */
export const SELF_EVALUATION_TITLE: Synonyms = [/自评|绩效评价/];

/** The first label of a row that starts a form: its title, or the 项目名称 / 部门名称 line under it. */
export const FORM_START: Synonyms = [
  /^[^，。；,;：:]{0,40}(自评表|评价表|评分表|自评报告|评分汇总表)([(（][^()（）]*[)）])?$/,
  /^(项目名称|部门名称|单位名称|部门\(单位\)名称)/,
];

/** The year a form evaluates, in its title ("2023年度项目支出绩效自评表", a line "（2023年度）"); a text that names a year. */
export const FORM_YEAR = {
  inTitle: /((?:19|20)\d{2})\s*年度/,
  titleLine: /^[(（]?\d{4}年度[)）]?$/,
  namedInText: /[0-9０-９]{4}\s*年/,
};

// ── Phrases in conclusion sentences ───────────────────────────────────────────────────────────

export const SENTENCE = {
  /** A total score stated in a sentence: 自评总分100分, 自评得分为98.67分, 整体支出绩效评价得分94.38分. */
  score:
    /(自评总分|自评得分|自评分数|总体得分|评价得分|最终得分|综合得分|绩效得分|自评总|总得分|项目得分|评价总分|总分(?=为|是)|自评得(?=\d))[^0-9分。，,；;≥≤<>=]{0,3}?(为|是|:|：|达到)?\s*([0-9]+(?:\.[0-9]+)?)(?:\s*分|(?=[。，,；;！!]|$))/g,
  /** A grade stated in a sentence: 自评等级：优, 评价等级“优”, 结果：优秀. */
  grade:
    /(自评等级|评价等级|评价等次|自评等次|绩效等级|自评结果|评价结果|总体评价|等级评定|评定|等级为|等次为|结果|等级)\s*(为|是|:|：)?\s*["“”'‘’「『【（(]?\s*(优秀|良好|中等|较差|优|良|中|差)(?:["”’'」』】）)])?/g,
  /** An indicator's own maximum in a note ("总分7分，自评得7分"): the note is about one indicator. */
  itemMaximum: /总分(\d+(?:\.\d+)?)分/,
  /** A section's score, not the total: "绩效指标自评得分88.5分", "预算执行率得分9.42分", "产出指标自评得分49.5分". */
  sectionBefore: /(指标|执行率|产出|效益|效果|满意度|决策|过程|投入)$/,
  /** A statement that runs on into the next cells: "该项目自评得分为" | 99.5 | "分". */
  continuesInNextCell: /(得分|总分|得分为|总分为|得分是|自评得)[:：]?$/,
  /** Another year's or project's score: "较上年…92分", "比同类项目…97.92分". */
  comparison: /(较|比)(上年|去年|上一年|同期|同类)|上年|去年|上一年|同比|同类/,
  /** A band described, not stated: "得分80-89分的等级为良", "90分以上为优", "评分标准：". */
  bandDescription: /\d\s*(-|–|—|~|～|至|到)\s*\d+\s*分|分(以上|以下)(为|的)|标准[:：]/,
  /** "（满分100分）" is not the score. */
  fullMarks: /[（(]满分[^（）()]*[）)]/g,
  /** A floor or goal, not a result: "评价得分不低于90分", "确保…评价得分90分以上" (words between the label and the number). */
  floorBetween: /不低于|不少于|不小于|高于|大于|超过|至少|低于|少于|小于|不足|未达/,
  /** …and after the number. */
  floorAfter: /^(以上|及以上|[（(]含[）)]以上|以下|及以下)/,
  /** …and before the label in its clause: "力争部门整体评价得分95分". */
  goalBefore: /确保|力争|争取|力求/,
  /**
   * Another's result, named before it in its clause: "1个项目自评等级为良", "所属二级单位…", "其中1个子项目…" — but not
   * a department with its units ("本部门（含所属单位）整体…", "我局及下属单位…").
   */
  otherSubject: /\d+\s*个(子)?(项目|单位|部门)|子项目|(?<![含及和与（(])(所属|下属|二级单位)/,
  /** A sentence about last year, from its first words: "上年度该项目自评等级为良，…". */
  lastYearSentence: /^(上年度|上一年度|上年|去年)/,
  /** A sentence that opens on a year by its number: "2022年度该项目…", "2022年，…". */
  yearOpening: /^((?:19|20)\d{2})年/,
  /** …unless it turns to this year before the result: "上年度结转资金已用完，经自评，本项目…". */
  thisYear: /本年|今年|本次|经自评|本项目/,
  /** A figure superseded or foreseen, right before the label: "原自评得分98分，经复核调整为…", "预计全年自评得分可达95分". */
  notFinal: /(原|初评|预计)[^，,。；;]{0,4}$/,
  /** A score or grade that qualifies a noun after it: "自评等级为优的项目…", "得分90分的单位". */
  qualifies: /^的/,
};

/** Grade words, longest first. */
export const GRADE_WORDS = /优秀|良好|中等|较差|优|良|中|差/g;

// ── Targets, achievements and directions ──────────────────────────────────────────────────────

export type DirectionSymbol = "≥" | "≤" | "=" | ">" | "<";

/**
 * Every spelling of a comparison at the start of a target, after full-width folding (＞＝ → >=,
 * ＝ → =, ﹦ → =, ≧ → ≥, ≦ → ≤, ═ → =).
 */
export const DIRECTION_WORDS: readonly [RegExp, DirectionSymbol][] = [
  [/^(>=|=>|≥|大于等于|大于或等于|不低于|不少于|不小于|至少|达到|≮)/, "≥"],
  [/^(<=|=<|≤|小于等于|小于或等于|不高于|不超过|不多于|不大于|最多|控制在|≯)/, "≤"],
  [/^(>|大于|高于|多于|超过)/, ">"],
  [/^(<|小于|低于|少于)/, "<"],
  [/^(==|=|等于)/, "="],
];

/**
 * Words before a figure that say when or what it is: 全年≥12次, 每年≥12次, 达80%, 完成80%, 约80%,
 * 实际80%, 满意率80%, 满意度为80% (only where a comparison or a digit follows).
 */
export const QUANTITY_LEAD_IN = /^(全年|每年|年度|年均|月均|每月|累计|共计|共|约|实际(完成)?|完成|达|合计|[\u4e00-\u9fa5]{1,6}(率|度))(为|是)?(?=[<>=≥≤\d])/;

/** Directions written after the number: "90%以上", "5个工作日以内". */
export const DIRECTION_SUFFIX: readonly [RegExp, DirectionSymbol][] = [
  [/(及以上|以上)$/, "≥"],
  [/(及以下|以下|以内)$/, "≤"],
  // A deadline: 12月底前, 30日内.
  [/(底前|之前|以前|前|内)$/, "≤"],
];

/** A direction column's words (指标性质: 正向 / 反向 / 定性). */
export const DIRECTION_COLUMN_WORDS = {
  qualitative: /定性/,
  up: /正向|越大越好/,
  down: /反向|越小越好/,
};

/**
 * Durations: a target written without ≥ / ≤ in these units ("5个工作日", "24小时") may be a time
 * limit (a ceiling) or a length to reach (运行年限): either reading is accepted.
 */
export const DURATION_UNIT = /^(个)?(工作日|自然日|日|天|小时|分钟|周|个月|月|年)(以内|内)?$/;

/**
 * A target that is met or not, with no degrees between: a deadline ("2023年12月底前", "年底前完成",
 * "第三季度") or a yes (是, 达标, 合格). 未完成 against it scores 0, as against a number.
 */
export const PASS_FAIL_TARGET =
  /^(≤|<|不晚于|不迟于|于|在)?((?:19|20)\d{2}年)?(\d{1,2}月(\d{1,2}日)?|第?[一二三四1-4]季度|年)(底|末|中旬|上旬|下旬)?(之前|以前|前|内|以内)?(完成|完工|到位|发放到位|发放完毕|拨付到位)?$|^(是|达标|合格|完成|全部完成|按时完成|通过|验收合格|实现)$/;

/** Units of one quantity written at different scales: the base unit and how many of it each is. */
export const UNIT_SCALE: Readonly<Record<string, readonly [string, number]>> = {
  元: ["元", 1], 千元: ["元", 1e3], 万元: ["元", 1e4], 亿元: ["元", 1e8],
  米: ["米", 1], 公里: ["米", 1e3], 千米: ["米", 1e3], km: ["米", 1e3], m: ["米", 1],
  分钟: ["分钟", 1], 小时: ["分钟", 60],
  天: ["天", 1], 日: ["天", 1],
  个月: ["月", 1], 月: ["月", 1], 年: ["月", 12],
};

/** What is to be kept down: a target written without ≥ / ≤ for these is a ceiling. */
export const REVERSE_INDICATOR_NAME = /成本|投诉|差错|故障|事故|超支|违规|违纪|失误|超标|损失|不良/;

/**
 * …but a saving or a reduction of these (成本节约率), or how they are handled (投诉办结率, 故障修复率),
 * is to be raised: which way such a bare target runs is left open.
 */
export const RAISED_REVERSE_NAME = /节约|节省|节支|降低|下降|减少|压减|压缩|办结|处理|处置|解决|整改|回复|答复|响应|查处|修复|排除|化解|受理|反馈|调处|结案/;

/** Achievements written in words. */
export const OUTCOME_WORDS = {
  met: /^(已?完成|全部完成|按时完成|按期完成|达到|已达到|达标|已达标|是|合格|已实现|实现|达成|达成年度指标|达成预期指标|满意|通过|已通过|验收合格)(\(.*\))?$/,
  notMet: /^(未完成|没有完成|未达到|未达标|否|不合格|未实现)(\(.*\))?$/,
  partial: /^(部分完成|基本完成|部分达成|基本达成|部分达到)/,
};

/** The national system's qualitative outcomes (达成年度指标 …). */
export const QUALITATIVE_OUTCOMES = {
  notAchieved: /^未达成/,
  partial: /^部分达成/,
  /** 基本达成 / 基本完成: between 部分达成 and 达成 — a score in either band is accepted. */
  mostly: /^基本(达成|完成|实现|达到)/,
  achieved: /^达成(年度指标|预期指标|预期目标|年度目标)?/,
};

/** Printed instructions in a reason cell are not a reason. */
export const PRINTED_NOTE = /需说明原因|预算执行率=|应单独说明理由/;

/** Units that may follow a stated amount, weight or score without making it text. */
export const VALUE_UNITS = /^(分|万元|元|万|千元|亿元)?$/;

/** The sheet's unit of amounts: 金额单位：元 / 单位：万元 / 项目资金（元）. */
export const AMOUNT_UNIT = /(金额)?单位[:：]\s*(万元|元|千元|亿元)|[(（](万元|元|千元|亿元)[)）]/;

/** A label that some table's header uses for a column (a header row is made of these). */
export function isHeaderWord(text: string): boolean {
  const vocabularies: Readonly<Record<string, Synonyms>>[] = [INDICATOR_COLUMNS, BUDGET_COLUMNS, BUDGET_PARENT, BUDGET_SUBCOLUMN, FUND_COLUMNS, GOAL_COLUMNS];
  return vocabularies.some((v) => roleOf(v, text) !== undefined) || matches(REFERENCE_COLUMN, text) || matches(COLUMN_EXTRAS, text);
}

/** Other columns header rows name (序号, 评分标准, 备注 …): not roles, but header words. */
export const COLUMN_EXTRAS: Synonyms = [/^(序号|编号|备注|评分标准|计分标准|评分方法|指标解释|指标说明|资金来源(及项目)?|项目|资金下达文件(名)?及文号|具体支出明细(\(项目\))?|评审因素|累计情况|本年资金到位及使用情况)$/];

// ── Label helpers ─────────────────────────────────────────────────────────────────────────────

/** A declared weight inside a label: （50%）、(90分)、（10分）. */
const DECLARED_WEIGHT = /[(（]\s*([0-9]+(?:\.[0-9]+)?)\s*(%|分)\s*[)）]/;

export function declaredWeight(label: string): number | undefined {
  const m = DECLARED_WEIGHT.exec(label);
  return m ? Number(m[1]) : undefined;
}

/** A label without its brackets and a trailing colon: "产出指标(50%)" → "产出指标". */
export function baseLabel(label: string): string {
  return label.replace(/[(（][^()（）]*[)）]/g, "").replace(/[:：]$/, "");
}
