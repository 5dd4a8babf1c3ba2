// Fixtures for the 服务项目 tests: what Rust sends for a 2020 project of 30,000 + 10,000 yuan with
// one free-form indicator, one activity with a photo, and one instalment paid.
import type {
  AgreementOption,
  GrantProgress,
  GrantYear,
  MemberPage,
  ProjectDetail,
  ProjectSummary,
  SpendOption,
  Voucher,
} from "../ipc";
import { grantActions, projectActions, voucherActions } from "./rust";

export const GRANT_2020: GrantYear = {
  id: 2,
  year: 2020,
  sequence: 2,
  policyId: 1,
  cityAmount: "180000.00",
  districtAmount: "180000.00",
  status: "executing",
  approvalDocNo: "宁民发〔2020〕8号",
  approvalDate: "2020-03-01",
  periodStart: "2020-01-01",
  periodEnd: "2020-12-31",
  actions: grantActions(2020, "executing"),
};

export const PAYMENT: Voucher = {
  id: 31,
  number: "记-2020-0031",
  date: "2020-04-06",
  kind: "expense",
  summary: "拨付“银龄助餐暖心行动”服务经费（50%）",
  grantYearId: 2,
  payee: "幸福志愿服务队",
  paymentMethod: "bank",
  amount: "15000.00",
  source: "city",
  category: "activity",
  categoryName: "项目活动费",
  lines: [],
  attachments: [],
  reverses: null,
  reversedBy: null,
  projectId: 7,
  projectName: "银龄助餐暖心行动",
  operator: "lijing",
  createdAt: "2020-04-06 10:00:00",
  actions: voucherActions("记-2020-0031", "original"),
};

export function projectDetail(overrides: Partial<ProjectDetail> = {}): ProjectDetail {
  return {
    project: {
      id: 7,
      grantYearId: 2,
      name: "银龄助餐暖心行动",
      memberId: 11,
      memberName: "幸福志愿服务队",
      category: "公益服务类",
      agreementNo: "梅社联协〔2020〕1号",
      signedOn: "2020-04-01",
      startsOn: "2020-04-01",
      endsOn: "2020-11-30",
      status: "running",
      flagReason: "",
      overrideReason: "",
      evaluation: "",
      grade: null,
      endedOn: null,
      terminationReason: "",
      updatedAt: "2020-04-01 09:00:00",
    },
    grantYear: 2020,
    communities: [
      { id: 1, name: "示范社区" },
      { id: 3, name: "梅园社区" },
    ],
    splits: [
      {
        category: "activity",
        categoryName: "项目活动费",
        source: "city",
        agreed: "30000.00",
        paid: "15000.00",
        remaining: "15000.00",
      },
      {
        category: "labor",
        categoryName: "人员劳务费",
        source: "district",
        agreed: "10000.00",
        paid: "0.00",
        remaining: "10000.00",
      },
    ],
    agreed: "40000.00",
    paid: "15000.00",
    remaining: "25000.00",
    agreedDaxie: "肆万元整",
    eligibility: { flagReason: null, priority: true, ratingExpired: false },
    memberStatus: "active",
    targets: [
      {
        id: 1,
        kind: "beneficiaries",
        name: "服务人次",
        unit: "人次",
        target: "900",
        actual: "45",
        percent: "5.0%",
      },
      {
        id: 2,
        kind: "sessions",
        name: "服务场次",
        unit: "场",
        target: "30",
        actual: "1",
        percent: "3.3%",
      },
      {
        id: 3,
        kind: "volunteerHours",
        name: "志愿服务时长",
        unit: "小时",
        target: "360",
        actual: "12.5",
        percent: "3.5%",
      },
      {
        id: 4,
        kind: "custom",
        name: "助餐服务",
        unit: "份",
        target: "4000",
        actual: "150",
        percent: "3.8%",
      },
    ],
    activities: [
      {
        id: 5,
        projectId: 7,
        heldOn: "2020-05-06",
        title: "五月助餐",
        place: "社区党群服务中心",
        participants: 45,
        volunteers: 5,
        volunteerHours: "12.5",
        note: "",
        photos: [{ sha256: "b".repeat(64), fileName: "助餐.png", mime: "image/png" }],
        indicators: [[4, "150"]],
      },
    ],
    payments: [PAYMENT],
    open: true,
    actions: projectActions("银龄助餐暖心行动", "running", 2020, "executing"),
    ...overrides,
  };
}

export function closedDetail(): ProjectDetail {
  const d = projectDetail();
  return {
    ...d,
    project: {
      ...d.project,
      status: "closed",
      evaluation: "全年为辖区高龄老人提供助餐服务，服务对象满意度高。",
      grade: "excellent",
      endedOn: "2020-11-30",
    },
    open: false,
    actions: projectActions("银龄助餐暖心行动", "closed", 2020, "executing"),
  };
}

export function summaryOf(d: ProjectDetail): ProjectSummary {
  return {
    project: d.project,
    grantYear: d.grantYear,
    communities: d.communities.map((c) => c.name),
    agreed: d.agreed,
    paid: d.paid,
    eligibility: d.eligibility,
    activities: d.activities.length,
    targets: d.targets,
  };
}

export const PROGRESS: GrantProgress = {
  grantYearId: 2,
  byStatus: [
    ["planned", 0],
    ["running", 4],
    ["closed", 1],
    ["terminated", 1],
  ],
  agreed: "145000.00",
  paid: "72500.00",
  targets: [
    {
      id: 0,
      kind: "beneficiaries",
      name: "服务人次",
      unit: "人次",
      target: "6300",
      actual: "2816",
      percent: "44.7%",
    },
    {
      id: 0,
      kind: "sessions",
      name: "服务场次",
      unit: "场",
      target: "182",
      actual: "61",
      percent: "33.5%",
    },
    {
      id: 0,
      kind: "volunteerHours",
      name: "志愿服务时长",
      unit: "小时",
      target: "1820",
      actual: "612",
      percent: "33.6%",
    },
  ],
  activitiesByMonth: [
    ["2020-05", 8],
    ["2020-06", 9],
    ["2020-11", 7],
  ],
};

/** What Rust sends the agreement form when project 7 is corrected: on 项目活动费（市级）, 40,000 was
 * spent of which 15,000 was paid to project 7 itself, and another agreement holds 5,000; so the
 * agreement may put up to 100,000 − 25,000 − 5,000 = 70,000 there, and no less than the 15,000 paid. */
export const AGREEMENT_2020: AgreementOption[] = [
  {
    category: "activity",
    categoryName: "项目活动费",
    source: "city",
    budget: "100000.00",
    spentOutside: "25000.00",
    otherProjects: "5000.00",
    room: "70000.00",
    paidHere: "15000.00",
  },
  {
    category: "labor",
    categoryName: "人员劳务费",
    source: "district",
    budget: "50000.00",
    spentOutside: "0.00",
    otherProjects: "0.00",
    room: "50000.00",
    paidHere: "0.00",
  },
];

export const SPEND_2020: SpendOption[] = [
  {
    category: "activity",
    categoryName: "项目活动费",
    source: "city",
    budget: "100000.00",
    spent: "40000.00",
    committed: "20000.00",
    remaining: "40000.00",
    cash: "120000.00",
  },
  {
    category: "labor",
    categoryName: "人员劳务费",
    source: "district",
    budget: "50000.00",
    spent: "0.00",
    committed: "10000.00",
    remaining: "40000.00",
    cash: "100000.00",
  },
];

const member = (id: number, name: string) => ({
  id,
  name,
  legalForm: "filed" as const,
  creditCode: null,
  filingNo: `BA-2018-0${id}`,
  categoryId: 1,
  category: "调解治理类",
  communityId: 1,
  community: "示范社区",
  leader: "王芳",
  phone: "",
  foundedOn: null,
  joinedOn: "2018-06-01",
  leftOn: null,
  status: "active" as const,
  partyBuilding: "none" as const,
  notes: "",
  latestInspection: null,
  latestRating: null,
  updatedAt: "2020-01-01 09:00:00",
});

export const MEMBERS: MemberPage = {
  rows: [
    {
      member: member(11, "幸福志愿服务队"),
      eligibility: { flagReason: null, priority: true, ratingExpired: false },
    },
    {
      member: member(12, "邻里调解工作室"),
      eligibility: { flagReason: "2019年度年检不合格", priority: false, ratingExpired: false },
    },
  ],
  total: 2,
  page: 1,
  pageSize: 50,
};
