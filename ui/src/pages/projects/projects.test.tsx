// The 服务项目 screens against a mocked IPC: where R-PROJECT refusals land, the reason a flagged
// undertaker needs, what a closed project no longer offers, progress bars of actuals, and the
// exact inputs a payment and an activity send.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload } from "../../ipc";
import {
  agreementOptions,
  attachmentRead,
  expensePost,
  grantProgress,
  grantYearsList,
  listEntries,
  membersList,
  projectGet,
  projectsList,
  projectUpdate,
  spendOptions,
} from "../../ipc";
import { renderWithApp, session } from "../../test/render";
import ExpenseModal from "../books/ExpenseModal";
import {
  AGREEMENT_2020,
  closedDetail,
  GRANT_2020,
  MEMBERS,
  PAYMENT,
  PROGRESS,
  projectDetail,
  SPEND_2020,
  summaryOf,
} from "../../test/projects";
import ProjectsPage from ".";
import { toActivityInput } from "./ActivityModal";
import ProjectForm from "./ProjectForm";
import ProjectPage from "./ProjectPage";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  agreementOptions: vi.fn(),
  // Rust's own answers for the texts typed (vi.mock is hoisted above the imports).
  moneyPreview: vi.fn(async (texts: string[]) =>
    (await import("../../test/rust")).rustMoneyPreview(texts),
  ),
  attachmentRead: vi.fn(),
  expensePost: vi.fn(),
  grantProgress: vi.fn(),
  grantYearsList: vi.fn(),
  listEntries: vi.fn(),
  membersList: vi.fn(),
  projectCreate: vi.fn(),
  projectGet: vi.fn(),
  projectsList: vi.fn(),
  projectUpdate: vi.fn(),
  spendOptions: vi.fn(),
}));

function rejection(field: string, message: string, rule: string | null): ErrorPayload {
  return { code: "validation", message, field, rule, problems: [{ field, message, rule }] };
}

/** The form item (label, input, messages) that holds the input with this id. */
function itemOf(id: string): HTMLElement {
  return document.getElementById(id)!.closest(".ant-form-item") as HTMLElement;
}

beforeEach(() => {
  vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_2020);
  vi.mocked(agreementOptions).mockReset().mockResolvedValue(AGREEMENT_2020);
  vi.mocked(membersList).mockReset().mockResolvedValue(MEMBERS);
  vi.mocked(listEntries)
    .mockReset()
    .mockImplementation(async (kind) =>
      kind === "category"
        ? [
            { id: 1, name: "公益服务类", memberCount: 3 },
            { id: 2, name: "调解治理类", memberCount: 2 },
          ]
        : [
            { id: 1, name: "示范社区", memberCount: 2 },
            { id: 3, name: "梅园社区", memberCount: 1 },
          ],
    );
  vi.mocked(grantYearsList).mockReset().mockResolvedValue([GRANT_2020]);
  vi.mocked(attachmentRead).mockReset().mockResolvedValue(new ArrayBuffer(8));
  vi.mocked(projectUpdate).mockReset();
  vi.mocked(expensePost).mockReset();
  vi.mocked(projectGet).mockReset();
  vi.mocked(projectsList).mockReset();
  vi.mocked(grantProgress).mockReset();
});

describe("项目协议表单", () => {
  it("puts an R-PROJECT refusal of the split under 约定金额, with its rule id", async () => {
    const user = userEvent.setup();
    const message =
      "项目活动费（市级专项资金）预算 100,000.00 元，项目外已支出 40,000.00 元，其他项目已约定 50,000.00 元，尚可约定 10,000.00 元；本项目约定 30,000.00 元，超出 20,000.00 元";
    vi.mocked(projectUpdate).mockRejectedValue(rejection("splits", message, "R-PROJECT"));
    const detail = projectDetail();
    renderWithApp(
      <ProjectForm
        grant={GRANT_2020}
        editing={detail}
        today="2026-11-26"
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    );

    // What each line can still take is Rust's R-PROJECT reading for this agreement (issue 14: the
    // form once showed 55,000 here, Rust's room less what the project was already paid), and the
    // total and its 大写 are Rust's reading of what is typed.
    await waitFor(() =>
      expect(screen.getByTestId("project-split-room-0")).toHaveTextContent(
        "本行尚可约定 70,000.00 元（已支付 15,000.00 元，不能低于已支付）",
      ),
    );
    expect(agreementOptions).toHaveBeenCalledWith(2, 7);
    expect(await screen.findByTestId("project-split-total")).toHaveTextContent(
      "约定金额合计 40,000.00 元肆万元整",
    );
    await user.click(screen.getByTestId("project-submit"));

    const error = await screen.findByText(message);
    expect(screen.getByTestId("project-splits")).toContainElement(error);
    expect(
      screen.getByTestId("project-splits").querySelector("[data-rule='R-PROJECT']"),
    ).toHaveTextContent("R-PROJECT");
    expect(screen.queryByTestId("project-error")).not.toBeInTheDocument();
    expect(projectUpdate).toHaveBeenCalledWith(7, {
      grantYearId: 2,
      name: "银龄助餐暖心行动",
      memberId: 11,
      category: "公益服务类",
      communityIds: [1, 3],
      agreementNo: "梅社联协〔2020〕1号",
      signedOn: "2020-04-01",
      startsOn: "2020-04-01",
      endsOn: "2020-11-30",
      splits: [
        { category: "activity", source: "city", amount: "30,000.00" },
        { category: "labor", source: "district", amount: "10,000.00" },
      ],
      beneficiaries: "900",
      sessions: "30",
      volunteerHours: "360",
      customTargets: [{ name: "助餐服务", unit: "份", target: "4000" }],
      overrideReason: "",
    });
  });

  it("puts an R-PROJECT refusal of the undertaker under 承接组织", async () => {
    const user = userEvent.setup();
    const message = "“幸福志愿服务队”当前状态为“暂停”，不能承接服务项目";
    vi.mocked(projectUpdate).mockRejectedValue(rejection("memberId", message, "R-PROJECT"));
    renderWithApp(
      <ProjectForm
        grant={GRANT_2020}
        editing={projectDetail()}
        today="2026-11-26"
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    );
    await user.click(screen.getByTestId("project-submit"));
    const error = await screen.findByText(message);
    const item = itemOf("project_memberId");
    expect(item).toContainElement(error);
    expect(item.querySelector("[data-rule='R-PROJECT']")).toBeInTheDocument();
  });

  it("asks for a written reason once a flagged undertaker is chosen", async () => {
    renderWithApp(
      <ProjectForm
        grant={GRANT_2020}
        editing={null}
        today="2026-11-26"
        onClose={vi.fn()}
        onSaved={vi.fn()}
      />,
    );
    expect(itemOf("project_overrideReason")).toHaveClass("ant-form-item-hidden");

    fireEvent.mouseDown(document.getElementById("project_memberId")!);
    const options = await screen.findAllByTestId("project-member-option");
    // The picker shows the signals: 优先 on one, 提示 with its reason on the other.
    expect(options[0]).toHaveTextContent("优先");
    expect(options[1]).toHaveTextContent("提示：2019年度年检不合格");
    fireEvent.click(screen.getByTitle("邻里调解工作室"));

    expect(await screen.findByTestId("project-member-flag")).toHaveTextContent(
      "“邻里调解工作室”2019年度年检不合格",
    );
    await waitFor(() =>
      expect(itemOf("project_overrideReason")).not.toHaveClass("ant-form-item-hidden"),
    );
    expect(within(itemOf("project_overrideReason")).getByText("承接理由")).toBeInTheDocument();
    // The member's category is offered as the project's.
    expect(itemOf("project_category")).toHaveTextContent("调解治理类");

    // The reason is required before anything is sent.
    fireEvent.click(screen.getByTestId("project-submit"));
    expect(await screen.findByText("请写明由其承接的理由")).toBeInTheDocument();
  });
});

function renderProjectPage() {
  return renderWithApp(
    <Routes>
      <Route path="/projects/:id" element={<ProjectPage session={session()} />} />
    </Routes>,
    { route: "/projects/7" },
  );
}

describe("项目页面", () => {
  it("shows a running project: actions, money by line, targets as bars of actuals, payments", async () => {
    vi.mocked(projectGet).mockResolvedValue(projectDetail());
    renderProjectPage();

    expect(await screen.findByTestId("project-title")).toHaveTextContent("银龄助餐暖心行动");
    expect(projectGet).toHaveBeenCalledWith(7);
    expect(screen.getByTestId("project-status")).toHaveTextContent("实施中");
    for (const id of [
      "activity-new",
      "project-pay",
      "project-close",
      "project-edit",
      "project-terminate",
    ])
      expect(screen.getByTestId(id)).toBeInTheDocument();
    expect(screen.getByTestId("project-agreed")).toHaveTextContent("40,000.00 元肆万元整");
    expect(screen.getByTestId("project-paid")).toHaveTextContent("15,000.00");
    expect(screen.getByTestId("project-remaining")).toHaveTextContent("25,000.00");

    const people = screen.getByTestId("project-target-beneficiaries");
    expect(people).toHaveTextContent("服务人次45 / 900 人次5.0%");
    expect(people.querySelector(".ant-progress")).toHaveAttribute("aria-valuenow", "5");
    expect(screen.getByTestId("project-target-volunteerHours")).toHaveTextContent(
      "12.5 / 360 小时",
    );
    expect(screen.getByTestId("project-target-custom")).toHaveTextContent("150 / 4,000 份");

    expect(screen.getByTestId("project-payments-table")).toHaveTextContent("记-2020-0031");
    const activities = screen.getByTestId("activities-table");
    expect(activities).toHaveTextContent("五月助餐");
    expect(activities).toHaveTextContent("助餐服务 150份");
    await waitFor(() => expect(attachmentRead).toHaveBeenCalledWith("b".repeat(64)));
    expect(await within(activities).findByTestId("activity-photo")).toBeInTheDocument();
  });

  it("hides every payment, activity and status action once the project is closed", async () => {
    vi.mocked(projectGet).mockResolvedValue(closedDetail());
    renderProjectPage();

    expect(await screen.findByTestId("project-status")).toHaveTextContent("已结项");
    for (const id of [
      "activity-new",
      "project-pay",
      "project-start",
      "project-close",
      "project-edit",
      "project-terminate",
    ])
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    const closeout = screen.getByTestId("project-closeout");
    expect(closeout).toHaveTextContent("优秀");
    expect(closeout).toHaveTextContent("2020-11-30");
    // What was not paid is shown as returned to the budget.
    expect(screen.getByTestId("project-splits-table")).toHaveTextContent("退回预算");
  });
});

describe("服务项目列表", () => {
  it("shows the executing year's progress above its projects", async () => {
    vi.mocked(grantProgress).mockResolvedValue(PROGRESS);
    vi.mocked(projectsList).mockResolvedValue([summaryOf(projectDetail())]);
    renderWithApp(<ProjectsPage session={session()} />);

    expect(await screen.findByText("2020 年度项目进展")).toBeInTheDocument();
    expect(grantProgress).toHaveBeenCalledWith(2);
    expect(projectsList).toHaveBeenCalledWith({
      grantYearId: 2,
      status: null,
      memberId: null,
      communityId: null,
    });
    expect(await screen.findByTestId("progress-money")).toHaveTextContent(
      "72,500.00 / 145,000.00 元",
    );
    const people = screen.getByTestId("progress-target-beneficiaries");
    expect(people).toHaveTextContent("2,816 / 6,300 人次44.7%");
    expect(people.querySelector(".ant-progress")).toHaveAttribute("aria-valuenow", "44");
    const chart = screen.getByTestId("progress-month-chart");
    expect(chart.querySelectorAll("[data-month]")).toHaveLength(12);
    expect(chart.querySelector("[data-month='2020-06']")).toHaveAttribute("data-count", "9");

    const table = await screen.findByTestId("projects-table");
    await waitFor(() => expect(table).toHaveTextContent("银龄助餐暖心行动"));
    expect(table).toHaveTextContent("优先");
    expect(within(table).getByTestId("project-row-beneficiaries")).toHaveTextContent("45 / 900");
  });
});

describe("拨付", () => {
  it("sends an expense naming the project and its line, and puts R-PROJECT under the amount", async () => {
    const user = userEvent.setup();
    const message =
      "“银龄助餐暖心行动”在项目活动费（市级专项资金）上约定 30,000.00 元，已支付 15,000.00 元，尚可支付 15,000.00 元；本次 20,000.00 元超出 5,000.00 元";
    vi.mocked(expensePost).mockRejectedValueOnce(rejection("amount", message, "R-PROJECT"));
    vi.mocked(expensePost).mockResolvedValueOnce(PAYMENT);
    const onClose = vi.fn();
    renderWithApp(
      <ExpenseModal
        project={projectDetail()}
        grant={GRANT_2020}
        today="2026-11-26"
        onClose={onClose}
      />,
    );

    expect(document.getElementById("payment_payee")).toHaveValue("幸福志愿服务队");
    fireEvent.mouseDown(document.getElementById("payment_split")!);
    fireEvent.click(await screen.findByTitle("项目活动费 · 市级专项资金"));
    expect(await screen.findByTestId("pay-remaining")).toHaveTextContent("尚可拨付 15,000.00 元");
    const date = document.getElementById("payment_date")!;
    await user.click(date);
    await user.type(date, "2020-12-05{Tab}");
    fireEvent.change(document.getElementById("payment_amount")!, {
      target: { value: "20000" },
    });
    await user.click(screen.getByTestId("pay-submit"));

    const error = await screen.findByText(message);
    expect(itemOf("payment_amount")).toContainElement(error);
    expect(itemOf("payment_amount").querySelector("[data-rule='R-PROJECT']")).toBeInTheDocument();
    expect(expensePost).toHaveBeenCalledWith({
      grantYearId: 2,
      date: "2020-12-05",
      summary: "拨付“银龄助餐暖心行动”服务经费",
      category: "activity",
      source: "city",
      amount: "20000",
      payee: "幸福志愿服务队",
      paymentMethod: "bank",
      attachments: [],
      projectId: 7,
    });

    fireEvent.change(document.getElementById("payment_amount")!, {
      target: { value: "15000" },
    });
    await user.click(screen.getByTestId("pay-submit"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

describe("记录活动", () => {
  it("sends photos as stored references and indicator values by target id", () => {
    const input = toActivityInput(7, {
      title: " 五月助餐 ",
      participants: "45",
      volunteers: "",
      volunteerHours: "12.5",
      indicators: { "4": "150", "9": " " },
      photos: [
        {
          uid: "1",
          name: "助餐.png",
          status: "done",
          response: { sha256: "b".repeat(64), fileName: "助餐.png", mime: "image/png", size: 8 },
        },
        { uid: "2", name: "还在保存.png", status: "uploading" },
      ],
    });
    expect(input).toEqual({
      projectId: 7,
      heldOn: "",
      title: "五月助餐",
      place: "",
      participants: "45",
      volunteers: "",
      volunteerHours: "12.5",
      note: "",
      photos: [{ sha256: "b".repeat(64), fileName: "助餐.png" }],
      indicators: [{ targetId: 4, value: "150" }],
    });
  });
});
