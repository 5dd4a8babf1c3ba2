// First run on the real books: no federation profile yet. The secretary either fills it in or looks
// around in the demo books first (kept in a separate file).
import { Button, Card, Divider, Space, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../ipc";
import { useOpenDemo, useOpenDistrict } from "../../session";
import FederationForm from "../federation/FederationForm";

export default function SetupPage({ today }: { today: string }) {
  const [creating, setCreating] = useState(false);
  const openDemo = useOpenDemo();
  const openDistrict = useOpenDistrict();

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: creating ? "flex-start" : "center",
        justifyContent: "center",
        padding: 24,
        boxSizing: "border-box",
      }}
    >
      <Card style={{ width: "100%", maxWidth: creating ? 880 : 520 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          欢迎使用社联会管家
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          社联会管家帮助社联会秘书在本机登记成员单位、记录年度资助和收支，并整理年度申报材料，数据只保存在这台电脑上。
        </Typography.Paragraph>

        {creating ? (
          <>
            <Divider style={{ margin: "16px 0 24px" }} />
            <FederationForm initial={null} today={today} onCancel={() => setCreating(false)} />
          </>
        ) : (
          <Space direction="vertical" size="middle" style={{ width: "100%", marginTop: 8 }}>
            <Button
              type="primary"
              size="large"
              block
              data-testid="setup-create"
              onClick={() => setCreating(true)}
            >
              填写本社联会信息
            </Button>
            <div>
              <Button
                size="large"
                block
                data-testid="setup-demo"
                loading={openDemo.isPending}
                onClick={() => openDemo.mutate()}
              >
                打开示例数据
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                示例数据保存在单独的文件中，不会影响正式账簿
              </Typography.Paragraph>
              {openDemo.isError && (
                <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
                  {errorMessage(openDemo.error)}
                </Typography.Paragraph>
              )}
            </div>
            <div>
              <Button
                size="large"
                block
                data-testid="setup-district"
                loading={openDistrict.isPending}
                onClick={() => openDistrict.mutate()}
              >
                区级汇总（区民政局使用）
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                汇总各街道社联会报来的申报材料，保存在单独的文件中，不会打开或改动任何社联会账簿
              </Typography.Paragraph>
              {openDistrict.isError && (
                <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
                  {errorMessage(openDistrict.error)}
                </Typography.Paragraph>
              )}
            </div>
          </Space>
        )}
      </Card>
    </div>
  );
}
