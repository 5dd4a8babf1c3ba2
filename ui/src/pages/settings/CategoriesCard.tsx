// 预算科目: the configurable list of budget categories. A category in use (by a budget, an
// adjustment or a cap) can be renamed but not deleted; Rust refuses, and says so, either way.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Tooltip } from "antd";
import { useState } from "react";
import type { BudgetCategory } from "../../ipc";
import { errorMessage } from "../../ipc";
import { problemsOf, ProblemsAlert, type Problem } from "../../forms/problems";
import {
  useAddCategory,
  useBudgetCategories,
  useDeleteCategory,
  useRenameCategory,
} from "../grants/queries";

function RenameCell({
  category,
  onProblems,
  onDone,
}: {
  category: BudgetCategory;
  onProblems: (p: Problem[]) => void;
  onDone: () => void;
}) {
  const rename = useRenameCategory();
  const [name, setName] = useState(category.name);
  const submit = () => {
    onProblems([]);
    rename.mutate(
      { code: category.code, name },
      { onSuccess: onDone, onError: (e) => onProblems(problemsOf(e)) },
    );
  };
  return (
    <Space.Compact style={{ width: "100%", maxWidth: 360 }}>
      <Input
        autoFocus
        value={name}
        maxLength={20}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={submit}
        data-testid={`category-name-${category.code}`}
      />
      <Button type="primary" loading={rename.isPending} onClick={submit}>
        保存
      </Button>
      <Button onClick={onDone} disabled={rename.isPending}>
        取消
      </Button>
    </Space.Compact>
  );
}

export default function CategoriesCard() {
  const { message } = App.useApp();
  const categories = useBudgetCategories();
  const add = useAddCategory();
  const remove = useDeleteCategory();
  const [newName, setNewName] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  const submitAdd = () => {
    setProblems([]);
    add.mutate(newName, {
      onSuccess: (c) => {
        setNewName("");
        void message.success(`已添加“${c.name}”`);
      },
      onError: (e) => setProblems(problemsOf(e)),
    });
  };

  return (
    <Card title="预算科目" data-testid="categories-card">
      {categories.isError && (
        <Alert type="error" showIcon message={errorMessage(categories.error)} />
      )}
      <Table<BudgetCategory>
        size="small"
        pagination={false}
        loading={categories.isPending}
        rowKey="code"
        dataSource={categories.data ?? []}
        columns={[
          {
            title: "科目名称",
            dataIndex: "name",
            render: (name: string, c) =>
              renaming === c.code ? (
                <RenameCell
                  category={c}
                  onProblems={setProblems}
                  onDone={() => setRenaming(null)}
                />
              ) : (
                name
              ),
          },
          {
            title: "使用情况",
            dataIndex: "inUse",
            width: 120,
            render: (inUse: boolean) =>
              inUse ? <Tag color="blue">已使用</Tag> : <Tag>未使用</Tag>,
          },
          {
            title: "操作",
            key: "actions",
            width: 150,
            render: (_, c) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  data-testid={`category-rename-${c.code}`}
                  disabled={renaming !== null}
                  onClick={() => {
                    setProblems([]);
                    setRenaming(c.code);
                  }}
                >
                  改名
                </Button>
                {c.inUse ? (
                  <Tooltip title="已在年度预算或科目上限中使用，不能删除；可以改名">
                    <Button type="link" size="small" disabled>
                      删除
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={`删除预算科目“${c.name}”？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() =>
                      remove.mutateAsync(c.code).then(
                        () => setProblems([]),
                        (e: unknown) => setProblems(problemsOf(e)),
                      )
                    }
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      data-testid={`category-delete-${c.code}`}
                    >
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space.Compact style={{ marginTop: 16, width: "100%", maxWidth: 420 }}>
        <Input
          placeholder="新科目名称，例如 志愿者保险费"
          value={newName}
          maxLength={20}
          onChange={(e) => setNewName(e.target.value)}
          onPressEnter={submitAdd}
          data-testid="category-add-input"
        />
        <Button
          icon={<PlusOutlined />}
          loading={add.isPending}
          onClick={submitAdd}
          data-testid="category-add"
        >
          添加科目
        </Button>
      </Space.Compact>
      <ProblemsAlert
        problems={problems}
        testId="category-error"
        style={{ marginTop: 16, marginBottom: 0 }}
      />
    </Card>
  );
}
