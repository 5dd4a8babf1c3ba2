// Fixtures for the 记账 tests: what Rust sends for the 2019 grant year of test/grants.ts — a city
// receipt, an expense reversed by a red-ink voucher, spend options, months and reports.
import type {
  ActivityStatement,
  BudgetExecution,
  Chart,
  LedgerReport,
  MonthsView,
  SpendOption,
  Voucher,
} from "../ipc";
import { voucherActions } from "./rust";

export const RECEIPT: Voucher = {
  id: 1,
  number: "记-2019-0001",
  date: "2019-03-20",
  kind: "receipt",
  summary: "2019年度市级专项资金到账（HD20190320001）",
  grantYearId: 1,
  payee: "",
  paymentMethod: "bank",
  amount: "180000.00",
  source: "city",
  category: null,
  categoryName: null,
  lines: [
    {
      accountCode: "1002",
      accountName: "银行存款",
      debit: "180000.00",
      credit: "0.00",
      source: "city",
      category: null,
      categoryName: null,
    },
    {
      accountCode: "4401",
      accountName: "政府补助收入",
      debit: "0.00",
      credit: "180000.00",
      source: "city",
      category: null,
      categoryName: null,
    },
  ],
  attachments: [],
  reverses: null,
  reversedBy: null,
  projectId: null,
  projectName: null,
  operator: "lijing",
  createdAt: "2019-03-20 10:00:00",
  actions: voucherActions("记-2019-0001", "original"),
};

export const EXPENSE: Voucher = {
  id: 2,
  number: "记-2019-0002",
  date: "2019-04-02",
  kind: "expense",
  summary: "购买社区活动物资",
  grantYearId: 1,
  payee: "南京某某商贸有限公司",
  paymentMethod: "bank",
  amount: "1280.50",
  source: "city",
  category: "activity",
  categoryName: "项目活动费",
  lines: [
    {
      accountCode: "5101",
      accountName: "业务活动成本",
      debit: "1280.50",
      credit: "0.00",
      source: "city",
      category: "activity",
      categoryName: "项目活动费",
    },
    {
      accountCode: "1002",
      accountName: "银行存款",
      debit: "0.00",
      credit: "1280.50",
      source: "city",
      category: null,
      categoryName: null,
    },
  ],
  attachments: [
    {
      sha256: "a".repeat(64),
      fileName: "发票.png",
      mime: "image/png",
      size: 20480,
      addedAt: "2019-04-02 10:05:00",
    },
  ],
  reverses: null,
  reversedBy: { id: 3, number: "记-2019-0003", date: "2019-04-05" },
  projectId: null,
  projectName: null,
  operator: "lijing",
  createdAt: "2019-04-02 10:05:00",
  actions: voucherActions("记-2019-0002", "reversed"),
};

export const REVERSAL: Voucher = {
  ...EXPENSE,
  id: 3,
  number: "记-2019-0003",
  date: "2019-04-05",
  kind: "reversal",
  summary: "冲销 记-2019-0002：金额录入错误",
  amount: "-1280.50",
  lines: EXPENSE.lines.map((l) => ({
    ...l,
    debit: l.debit === "0.00" ? "0.00" : `-${l.debit}`,
    credit: l.credit === "0.00" ? "0.00" : `-${l.credit}`,
  })),
  attachments: [],
  reverses: { id: 2, number: "记-2019-0002", date: "2019-04-02" },
  reversedBy: null,
  createdAt: "2019-04-05 09:00:00",
  actions: voucherActions("记-2019-0003", "reversal"),
};

export const SPEND_OPTIONS: SpendOption[] = [
  {
    category: "activity",
    categoryName: "项目活动费",
    source: "city",
    budget: "100000.00",
    spent: "99000.00",
    committed: "0.00",
    remaining: "1000.00",
    cash: "81000.00",
  },
  {
    category: "labor",
    categoryName: "人员劳务费",
    source: "city",
    budget: "50000.00",
    spent: "0.00",
    committed: "20000.00",
    remaining: "30000.00",
    cash: "81000.00",
  },
  {
    category: "activity",
    categoryName: "项目活动费",
    source: "district",
    budget: "100000.00",
    spent: "0.00",
    committed: "0.00",
    remaining: "100000.00",
    cash: "100000.00",
  },
];

export const MONTHS: MonthsView = {
  months: [
    {
      month: "2019-03",
      label: "2019年3月",
      closed: true,
      closedAt: "2019-04-01 09:00:00",
      closedBy: "lijing",
      vouchers: 1,
      ended: true,
    },
    {
      month: "2019-04",
      label: "2019年4月",
      closed: false,
      closedAt: null,
      closedBy: null,
      vouchers: 2,
      ended: true,
    },
  ],
  events: [
    {
      month: "2019-03",
      action: "close",
      reason: "",
      operator: "lijing",
      at: "2019-04-01 09:00:00",
    },
  ],
};

export const EXECUTION: BudgetExecution = {
  year: 2019,
  chartName: "民间非营利组织会计制度（2004）",
  rows: [
    {
      category: "activity",
      categoryName: "项目活动费",
      city: { budget: "100000.00", spent: "99000.00", remaining: "1000.00", percent: "99.00%" },
      district: { budget: "100000.00", spent: "0.00", remaining: "100000.00", percent: "0.00%" },
      total: { budget: "200000.00", spent: "99000.00", remaining: "101000.00", percent: "49.50%" },
    },
    {
      category: "labor",
      categoryName: "人员劳务费",
      city: { budget: "80000.00", spent: "0.00", remaining: "80000.00", percent: "0.00%" },
      district: { budget: "80000.00", spent: "0.00", remaining: "80000.00", percent: "0.00%" },
      total: { budget: "160000.00", spent: "0.00", remaining: "160000.00", percent: "0.00%" },
    },
  ],
  totals: {
    category: "",
    categoryName: "合计",
    city: { budget: "180000.00", spent: "99000.00", remaining: "81000.00", percent: "55.00%" },
    district: { budget: "180000.00", spent: "0.00", remaining: "180000.00", percent: "0.00%" },
    total: { budget: "360000.00", spent: "99000.00", remaining: "261000.00", percent: "27.50%" },
  },
};

export const LEDGER: LedgerReport = {
  title: "2019年度收支明细账 — 市级专项资金",
  chartName: "民间非营利组织会计制度（2004）",
  balanceLabel: "资金余额",
  opening: "0.00",
  rows: [
    {
      date: "2019-03-20",
      number: "记-2019-0001",
      summary: RECEIPT.summary,
      source: "city",
      categoryName: null,
      income: "180000.00",
      expense: "0.00",
      balance: "180000.00",
      reversal: false,
    },
    {
      date: "2019-04-02",
      number: "记-2019-0002",
      summary: EXPENSE.summary,
      source: "city",
      categoryName: "项目活动费",
      income: "0.00",
      expense: "1280.50",
      balance: "178719.50",
      reversal: false,
    },
    {
      date: "2019-04-05",
      number: "记-2019-0003",
      summary: REVERSAL.summary,
      source: "city",
      categoryName: "项目活动费",
      income: "0.00",
      expense: "-1280.50",
      balance: "180000.00",
      reversal: true,
    },
  ],
  totalIncome: "180000.00",
  totalExpense: "0.00",
  closing: "180000.00",
};

export const ACTIVITIES: ActivityStatement = {
  year: 2019,
  chartName: "民间非营利组织会计制度（2004）",
  rows: [
    {
      label: "一、收入",
      level: 0,
      unrestricted: "0.00",
      restricted: "180000.00",
      total: "180000.00",
    },
    {
      label: "政府补助收入",
      level: 1,
      unrestricted: "0.00",
      restricted: "180000.00",
      total: "180000.00",
    },
    {
      label: "其中：市级专项资金",
      level: 2,
      unrestricted: "0.00",
      restricted: "180000.00",
      total: "180000.00",
    },
    {
      label: "收入合计",
      level: 0,
      unrestricted: "0.00",
      restricted: "180000.00",
      total: "180000.00",
    },
  ],
};

const REVISED_SOURCE =
  "财会〔2024〕25号：两份相互独立、依据该制度编制的公开科目表（二手资料）一致；未与制度附录原文核对";

/** What Rust sends for a 2026 year: the revised chart, where 5201 is 税金及附加 and 管理费用 is 5301. */
export const CHART_2024: Chart = {
  code: "npo-2024",
  name: "民间非营利组织会计制度（2024年修订）",
  source:
    "财政部《民间非营利组织会计制度》（财会〔2024〕25号）；科目编码和名称取自两份相互独立的公开科目表",
  effectiveFrom: "2026-01-01",
  note: "未能取得制度附录（会计科目和会计报表）原文核对，科目以两份独立公开科目表一致的部分为准；如与原文不符，以原文为准。",
  accounts: [
    { code: "1002", name: "银行存款", kind: "asset", source: REVISED_SOURCE },
    { code: "4401", name: "政府补助收入", kind: "revenue", source: REVISED_SOURCE },
    { code: "5101", name: "业务活动成本", kind: "expense", source: REVISED_SOURCE },
    { code: "5201", name: "税金及附加", kind: "expense", source: REVISED_SOURCE },
    { code: "5301", name: "管理费用", kind: "expense", source: REVISED_SOURCE },
  ],
  roles: [
    ["admin_expense", "5301"],
    ["bank", "1002"],
    ["grant_revenue", "4401"],
    ["program_cost", "5101"],
  ],
};

/** The 2004 chart, as Rust sends it for a 2019 year. */
export const CHART_2004: Chart = {
  code: "npo-2004",
  name: "民间非营利组织会计制度（2004）",
  source:
    "财政部《民间非营利组织会计制度》（财会〔2004〕7号）附件《会计科目和会计报表》一、会计科目表",
  effectiveFrom: "2005-01-01",
  note: "适用于2025年12月31日及以前的凭证和年度资助；2026年1月1日起按2024年修订的制度（财会〔2024〕25号）记账。",
  accounts: [
    { code: "1002", name: "银行存款", kind: "asset", source: "财会〔2004〕7号" },
    { code: "5201", name: "管理费用", kind: "expense", source: "财会〔2004〕7号" },
  ],
  roles: [
    ["admin_expense", "5201"],
    ["bank", "1002"],
  ],
};
