// 社联会信息: the profile in view mode, and the same FederationForm for editing it.
import { EditOutlined } from "@ant-design/icons";
import { App, Button, Card, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { SessionInfo } from "../../ipc";
import FederationDetails from "./FederationDetails";
import FederationForm from "./FederationForm";

function savedAt(updatedAt: string): string {
  const t = dayjs(updatedAt);
  return t.isValid() ? t.format("YYYY-MM-DD HH:mm") : updatedAt;
}

export default function FederationPage({ session }: { session: SessionInfo }) {
  const { message } = App.useApp();
  const federation = session.federation;
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(params.get("edit") === "1" || federation === null);

  const stopEditing = () => {
    setEditing(false);
    if (params.has("edit")) setParams({}, { replace: true });
  };

  return (
    <Card
      title="社联会信息"
      extra={
        !editing && (
          <Button
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="federation-edit"
          >
            编辑
          </Button>
        )
      }
    >
      {editing ? (
        <FederationForm
          initial={federation}
          today={session.today}
          onSaved={() => {
            void message.success("已保存");
            stopEditing();
          }}
          onCancel={federation ? stopEditing : undefined}
        />
      ) : (
        federation && (
          <>
            <FederationDetails federation={federation} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              最后保存：{savedAt(federation.updatedAt)}
            </Typography.Paragraph>
          </>
        )
      )}
    </Card>
  );
}
