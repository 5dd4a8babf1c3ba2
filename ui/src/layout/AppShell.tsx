// The frame around every page once the books are open: navigation on the left, the federation's
// name on top, and an unmistakable banner while the demo books are open.
import {
  AccountBookOutlined,
  FileDoneOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Alert, Button, Layout, Menu, Tag, Typography, theme } from "antd";
import { useEffect, type ReactNode } from "react";
import { useLocation } from "react-router-dom";
import { errorMessage, type SessionInfo } from "../ipc";
import { useCloseDemo } from "../session";
import { useOpenPage } from "./openPage";

const MENU = [
  { key: "/", icon: <HomeOutlined />, label: "首页" },
  { key: "/federation", icon: <IdcardOutlined />, label: "社联会信息" },
  { key: "/members", icon: <TeamOutlined />, label: "成员单位" },
  { key: "/grants", icon: <FundOutlined />, label: "年度资助" },
  { key: "/books", icon: <AccountBookOutlined />, label: "记账" },
  { key: "/projects", icon: <ProjectOutlined />, label: "服务项目" },
  { key: "/packet", icon: <FileDoneOutlined />, label: "申报材料" },
  { key: "/settings", icon: <SettingOutlined />, label: "设置" },
];

function DemoBanner() {
  const closeDemo = useCloseDemo();
  return (
    <Alert
      data-testid="demo-banner"
      type="warning"
      banner
      showIcon
      message={
        closeDemo.isError
          ? `当前打开的是示例数据，仅供熟悉操作，与正式账簿无关。${errorMessage(closeDemo.error)}`
          : "当前打开的是示例数据，仅供熟悉操作，与正式账簿无关"
      }
      action={
        <Button
          size="small"
          data-testid="demo-close"
          loading={closeDemo.isPending}
          onClick={() => closeDemo.mutate()}
        >
          返回正式账簿
        </Button>
      }
      style={{ paddingInline: 24 }}
    />
  );
}

export default function AppShell({
  session,
  children,
}: {
  session: SessionInfo;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const openPage = useOpenPage();
  const { pathname } = useLocation();
  const selected = "/" + (pathname.split("/")[1] ?? "");
  const demo = session.mode === "demo";

  // A new page starts at its top, not where the previous one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        width={200}
        theme="light"
        style={{
          borderRight: `1px solid ${token.colorBorderSecondary}`,
          position: "sticky",
          top: 0,
          height: "100vh",
          overflow: "auto",
        }}
      >
        <div
          style={{
            height: 64,
            display: "flex",
            alignItems: "center",
            paddingInline: 24,
            fontSize: 18,
            fontWeight: 600,
            color: token.colorPrimary,
            letterSpacing: 1,
          }}
        >
          社联会管家
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={MENU}
          onClick={({ key }) => openPage(key)}
          style={{ borderInlineEnd: "none" }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
            display: "flex",
            alignItems: "center",
            gap: 12,
            height: 64,
          }}
        >
          <Typography.Text
            data-testid="federation-name"
            strong
            ellipsis
            style={{ fontSize: 16, minWidth: 0 }}
          >
            {session.federation?.name ?? "尚未填写社联会信息"}
          </Typography.Text>
          {demo && <Tag color="gold">示例数据</Tag>}
        </Layout.Header>
        {demo && <DemoBanner />}
        <Layout.Content style={{ padding: 24 }}>
          <div style={{ maxWidth: 1080, margin: "0 auto" }}>{children}</div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
