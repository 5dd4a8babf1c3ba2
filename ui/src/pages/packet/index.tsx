// 申报材料: one grant year's application packet — its key figures from the books, the checklist and
// the export (检查与导出), the words only the secretary can write (申报书文字), and checking a packet
// ZIP against its manifest (校验申报包). The year is kit/GrantYearScope's "application" one: the
// year being applied for, else the executing one, else the latest.
import { Alert, Badge, Tabs, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import type { GrantYear, SessionInfo } from "../../ipc";
import GrantYearScope from "../../kit/GrantYearScope";
import { formatYuan } from "../../money";
import { StatusTag } from "../grants/labels";
import { useGrantYear } from "../grants/queries";
import DraftTab from "./DraftTab";
import ExportTab from "./ExportTab";
import { usePreflight } from "./queries";
import VerifyTab from "./VerifyTab";

function Figure({
  label,
  children,
  sub,
  testId,
  grow,
}: {
  label: string;
  children: ReactNode;
  sub?: ReactNode;
  testId: string;
  grow?: boolean;
}) {
  return (
    <div data-testid={testId} style={{ flex: grow ? "2 1 240px" : "1 1 90px", minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div
        style={{
          fontSize: 18,
          fontVariantNumeric: "tabular-nums",
          lineHeight: 1.5,
          whiteSpace: "nowrap",
        }}
      >
        {children}
      </div>
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
    </div>
  );
}

/** The packet's key figures: from the preflight when the packet could be assembled, else the year. */
function KeyFigures({ grant }: { grant: GrantYear }) {
  const preflight = usePreflight(grant.id).data;
  const detail = useGrantYear(grant.id).data;
  const total = preflight?.total ?? detail?.total ?? null;
  const daxie = preflight?.totalDaxie ?? detail?.totalDaxie ?? "";
  const count = (n: number | null | undefined, unit: string) =>
    n === null || n === undefined ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      `${n} ${unit}`
    );
  return (
    <div
      data-testid="packet-figures"
      style={{
        display: "flex",
        flexWrap: "wrap",
        gap: "12px 24px",
        padding: "12px 16px",
        marginBottom: 8,
        background: "#fafbfc",
        border: "1px solid #f0f0f0",
        borderRadius: 6,
      }}
    >
      <Figure
        label="申报年度"
        testId="packet-figure-year"
        sub={
          <span style={{ whiteSpace: "nowrap" }}>
            {preflight?.sequenceLabel ?? `第${grant.sequence}年`}{" "}
            <StatusTag status={grant.status} />
          </span>
        }
      >
        {grant.year} 年度
      </Figure>
      <Figure
        label="资助总额（市级 + 区级）"
        testId="packet-figure-total"
        grow
        sub={
          <>
            {daxie}
            {detail && (
              <>
                {"　"}市级 {formatYuan(detail.grant.cityAmount)} + 区级{" "}
                {formatYuan(detail.grant.districtAmount)}
              </>
            )}
          </>
        }
      >
        {total === null ? "—" : `${formatYuan(total)} 元`}
      </Figure>
      <Figure label="成员单位" testId="packet-figure-members">
        {count(preflight?.members, "家")}
      </Figure>
      <Figure label="服务项目" testId="packet-figure-projects">
        {count(preflight?.projects, "个")}
      </Figure>
    </div>
  );
}

function GrantPacket({ grant }: { grant: GrantYear }) {
  const navigate = useNavigate();
  const preflight = usePreflight(grant.id);
  const [tab, setTab] = useState("export");
  const [focusRequest, setFocusRequest] = useState(0);
  const [dirty, setDirty] = useState(false);
  const blocking = preflight.data?.blocking ?? 0;

  // A checklist line's button: another screen, or this page's own text (the 申报书文字 tab).
  const onFix = (link: string) => {
    if (link === "/packet") {
      setTab("draft");
      setFocusRequest((n) => n + 1);
    } else {
      navigate(link);
    }
  };

  return (
    <>
      <KeyFigures grant={grant} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "export",
            label: (
              <Badge count={blocking} size="small" offset={[8, -2]} data-testid="packet-tab-badge">
                检查与导出
              </Badge>
            ),
            children: (
              <>
                {dirty && (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="packet-unsaved"
                    style={{ marginBottom: 12 }}
                    message="申报书文字有未保存的修改：检查和导出只使用已保存的内容。"
                  />
                )}
                <ExportTab grant={grant} onFix={onFix} />
              </>
            ),
          },
          {
            key: "draft",
            label: dirty ? "申报书文字 *" : "申报书文字",
            children: (
              <DraftTab grant={grant} focusRequest={focusRequest} onDirtyChange={setDirty} />
            ),
          },
          { key: "verify", label: "校验申报包", children: <VerifyTab /> },
        ]}
      />
    </>
  );
}

export default function PacketPage(_props: { session: SessionInfo }) {
  return (
    <GrantYearScope
      purpose="application"
      title="申报材料"
      testId="packet-page"
      pickerTestId="packet-year"
      emptyReason="申报材料按年度资助生成"
    >
      {(grant) => <GrantPacket grant={grant} />}
    </GrantYearScope>
  );
}
