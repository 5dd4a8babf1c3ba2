// 设置: the policy parameters and budget categories (data, not code), the member lists, backups and
// restores, and where the books live and which versions are running, so a secretary can tell support.
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import type { SessionInfo } from "../../ipc";
import BackupCard from "./BackupCard";
import CategoriesCard from "./CategoriesCard";
import ListEditor from "./ListEditor";
import PolicyCard from "./PolicyCard";

export default function SettingsPage({ session }: { session: SessionInfo }) {
  const path = (p: string) => (
    <Typography.Text copyable style={{ wordBreak: "break-all" }}>
      {p}
    </Typography.Text>
  );
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <PolicyCard today={session.today} />
      <CategoriesCard />
      <Card title="成员单位的列表">
        <Row gutter={32}>
          <Col span={12}>
            <ListEditor kind="category" title="成员单位类别" />
          </Col>
          <Col span={12}>
            <ListEditor kind="community" title="社区" />
          </Col>
        </Row>
      </Card>
      <BackupCard demo={session.mode === "demo"} />
      <Card title="数据文件与版本">
        <Descriptions
          bordered
          column={1}
          styles={{ label: { width: 170, whiteSpace: "nowrap" } }}
          items={[
            {
              key: "mode",
              label: "当前账簿",
              children:
                session.mode === "demo" ? (
                  <Tag color="gold">示例</Tag>
                ) : (
                  <Tag color="blue">正式</Tag>
                ),
            },
            { key: "dataFile", label: "数据文件", children: path(session.dataFile) },
            { key: "dataDir", label: "数据文件夹", children: path(session.dataDir) },
            { key: "schemaVersion", label: "数据库版本", children: String(session.schemaVersion) },
            { key: "appVersion", label: "软件版本", children: session.appVersion },
          ]}
        />
      </Card>
    </Space>
  );
}
