// Fixtures for the 年度资助 tests: what Rust sends for the Nanjing 2018 profile and a 2019 grant
// year of 180,000 yuan (ids are bigint in the bindings; their values do not matter here).
import type { BudgetCategory, GrantYearDetail, HomeOverview, PolicyProfile } from "../ipc";
import { grantActions } from "./rust";

export const POLICY: PolicyProfile = {
  id: 1,
  name: "南京市 2018 社联会试点",
  effectiveFrom: "2018-01-01",
  cityMin: "150000.00",
  cityMax: "200000.00",
  matchRatio: "1",
  maxYears: 2,
  consecutive: true,
  arrearsWarnDays: 90,
  capsEnabled: false,
  caps: [],
};

export const CATEGORIES: BudgetCategory[] = [
  ["activity", "项目活动费"],
  ["labor", "人员劳务费"],
  ["training", "培训费"],
  ["publicity", "宣传费"],
  ["office", "办公费"],
  ["audit", "评估审计费"],
  ["other", "其他"],
].map(([code, name], i) => ({ code, name, sortOrder: i + 1, inUse: false }));

export function grantDetail(overrides: Partial<GrantYearDetail> = {}): GrantYearDetail {
  return {
    grant: {
      id: 1,
      year: 2019,
      sequence: 1,
      policyId: 1,
      cityAmount: "180000.00",
      districtAmount: "180000.00",
      status: "executing",
      approvalDocNo: "宁民发〔2019〕12号",
      approvalDate: "2019-03-01",
      periodStart: "2019-01-01",
      periodEnd: "2019-12-31",
      actions: grantActions(2019, "executing"),
    },
    policy: POLICY,
    total: "360000.00",
    cityDaxie: "壹拾捌万元整",
    districtDaxie: "壹拾捌万元整",
    totalDaxie: "叁拾陆万元整",
    funds: [
      { source: "city", due: "180000.00", received: "180000.00", outstanding: "0.00" },
      { source: "district", due: "180000.00", received: "100000.00", outstanding: "80000.00" },
    ],
    arrears: { amount: "80000.00", since: "2019-03-20", days: 2808, overdue: true },
    receipts: [
      {
        id: 1,
        source: "city",
        date: "2019-03-20",
        amount: "180000.00",
        bankRef: "HD20190320001",
        note: "",
      },
      {
        id: 2,
        source: "district",
        date: "2019-04-10",
        amount: "100000.00",
        bankRef: "HD20190410002",
        note: "",
      },
    ],
    budget: [
      {
        category: "activity",
        categoryName: "项目活动费",
        city: "100000.00",
        district: "100000.00",
        total: "200000.00",
      },
      {
        category: "labor",
        categoryName: "人员劳务费",
        city: "50000.00",
        district: "50000.00",
        total: "100000.00",
      },
      {
        category: "training",
        categoryName: "培训费",
        city: "30000.00",
        district: "30000.00",
        total: "60000.00",
      },
    ],
    budgetCityTotal: "180000.00",
    budgetDistrictTotal: "180000.00",
    adjustments: [],
    nextSteps: [
      "区级配套欠拨 80,000.00 元，自 2019-03-20 起已 2808 天，已超过提醒期限，请向区民政局催拨",
    ],
    ...overrides,
  };
}

/** 首页's answer with `detail` as the current year holding `vouchers` vouchers. */
export function homeWith(detail: GrantYearDetail, vouchers = 0): HomeOverview {
  return {
    current: detail,
    years: [detail.grant],
    currentVouchers: vouchers,
    needsRecognition: false,
  };
}
