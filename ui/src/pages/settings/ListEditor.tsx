// A configurable list under 设置 (成员单位类别, 社区): add a name, delete one that no member uses.
import { Button, Input, List, Popconfirm, Space, Typography, message } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, listAdd, listDelete, type ListKind } from "../../ipc";
import { afterListWrite } from "../../kit/queryKeys";
import { useListEntries } from "../members/queries";

export default function ListEditor({ kind, title }: { kind: ListKind; title: string }) {
  const client = useQueryClient();
  const entries = useListEntries(kind);
  const [name, setName] = useState("");
  const refresh = () => void afterListWrite(client, kind);
  const add = useMutation({
    mutationFn: () => listAdd(kind, name),
    onSuccess: () => {
      setName("");
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: number) => listDelete(kind, id),
    onSuccess: refresh,
    onError: (e) => void message.error({ content: errorMessage(e), duration: 8 }),
  });
  return (
    <div data-testid={`list-${kind}`}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <List
        size="small"
        bordered
        loading={entries.isPending}
        dataSource={entries.data ?? []}
        locale={{ emptyText: "列表为空" }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Popconfirm
                key="del"
                title={`删除“${e.name}”？`}
                onConfirm={() => remove.mutate(e.id)}
              >
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            {e.name}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {e.memberCount} 家
            </Typography.Text>
          </List.Item>
        )}
      />
      <Space.Compact style={{ marginTop: 8, width: "100%" }}>
        <Input
          placeholder={`新增${title.replace("成员单位", "")}名称`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && add.mutate()}
        />
        <Button onClick={() => add.mutate()} disabled={!name.trim()} loading={add.isPending}>
          添加
        </Button>
      </Space.Compact>
    </div>
  );
}
