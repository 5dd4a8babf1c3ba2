// What the window shows before the books are open: a calm spinner, or an honest explanation when
// the data file cannot be opened (the Rust side refused it and did not modify it).
import { Button, Result, Space, Spin, Typography } from "antd";
import type { CSSProperties } from "react";
import { errorMessage } from "../../ipc";
import { useOpenDemo } from "../../session";

const fullPage: CSSProperties = {
  minHeight: "100vh",
  display: "flex",
  alignItems: "center",
  justifyContent: "center",
  padding: 24,
  boxSizing: "border-box",
};

export function OpeningScreen() {
  return (
    <div style={fullPage}>
      <Space direction="vertical" align="center" size="middle">
        <Spin size="large" />
        <Typography.Text type="secondary">正在打开账簿…</Typography.Text>
      </Space>
    </div>
  );
}

export function RefusedScreen({ message }: { message: string }) {
  const openDemo = useOpenDemo();
  return (
    <div style={fullPage}>
      <Result
        status="warning"
        title="无法打开数据文件"
        subTitle={<span style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{message}</span>}
        extra={
          <Space direction="vertical" align="center" size="middle">
            <Typography.Text>
              请不要删除或改动这个文件，可联系技术支持人员协助处理。
            </Typography.Text>
            <Button
              data-testid="refused-open-demo"
              loading={openDemo.isPending}
              onClick={() => openDemo.mutate()}
            >
              打开示例数据
            </Button>
            {openDemo.isError && (
              <Typography.Text type="danger">{errorMessage(openDemo.error)}</Typography.Text>
            )}
          </Space>
        }
      />
    </div>
  );
}

export function SessionErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div style={fullPage}>
      <Result
        status="error"
        title="无法打开账簿"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        }
      />
    </div>
  );
}
