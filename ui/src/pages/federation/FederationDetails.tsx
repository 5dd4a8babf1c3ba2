// Read-only view of every profile field, with empty ones said plainly as 未填写.
import { Descriptions, Typography } from "antd";
import type { Federation } from "../../ipc";

function Value({ text }: { text: string | null }) {
  if (text === null || text.trim() === "")
    return <Typography.Text type="secondary">未填写</Typography.Text>;
  return <>{text}</>;
}

export default function FederationDetails({ federation }: { federation: Federation }) {
  const rows: [string, string | null][] = [
    ["社联会名称", federation.name],
    ["统一社会信用代码", federation.creditCode],
    ["所属街道", federation.street],
    ["所属区", federation.district],
    ["认定日期", federation.recognitionDate],
    ["认定文号", federation.recognitionDocNo],
    ["法定代表人", federation.legalRep],
    ["秘书/专职工作人员", federation.secretary],
    ["联系电话", federation.phone],
    ["办公地址", federation.address],
    ["开户银行", federation.bankName],
    ["银行账号", federation.bankAccount],
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 2 }}
      styles={{ label: { width: 170, whiteSpace: "nowrap" } }}
      items={rows.map(([label, text]) => ({ key: label, label, children: <Value text={text} /> }))}
    />
  );
}
