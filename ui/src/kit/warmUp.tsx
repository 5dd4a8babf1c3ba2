// The first list page opened after start-up paid for running antd's Tabs, Select, Table and
// Pagination code for the first time: the script engine parses and compiles a function on its
// first call. Once the first screen is ready and the pages are loaded, those parts are rendered
// once, with the app's theme, into a node that is never attached to the document (nothing is laid
// out or drawn), then unmounted: the pages then find the code compiled and the parts' styles
// generated. 记账's first visit at city scale is ~35–90 ms faster for it, for ~11 MB that stays
// (issue 16; README, "city scale").
import { Button, Select, Table, Tabs, Tooltip } from "antd";
import { useEffect, type ReactNode } from "react";
import { createRoot } from "react-dom/client";

type Row = { id: number; number: string; summary: string; amount: string };

const ROWS: Row[] = [1, 2, 3].map((id) => ({
  id,
  number: `记-${id}`,
  summary: "摘要",
  amount: "0.00",
}));

/** The parts of a list page: a tab bar, a filter, a button with a tip, a paged, expandable table. */
function Parts({ onDone }: { onDone: () => void }) {
  useEffect(() => onDone(), [onDone]);
  return (
    <Tabs
      activeKey="a"
      items={[
        {
          key: "a",
          label: "一",
          children: (
            <>
              <Select value="" style={{ width: 160 }} options={[{ value: "", label: "全年" }]} />
              <Tooltip title="一">
                <Button type="primary">一</Button>
              </Tooltip>
              <Table<Row>
                size="small"
                rowKey="id"
                dataSource={ROWS}
                rowClassName={() => ""}
                expandable={{
                  expandedRowKeys: [],
                  expandRowByClick: true,
                  expandedRowRender: () => null,
                }}
                pagination={{
                  current: 1,
                  pageSize: 20,
                  total: 100,
                  showSizeChanger: true,
                  pageSizeOptions: [10, 20, 50, 100],
                  showTotal: (t) => `共 ${t}`,
                }}
                columns={[
                  { title: "一", dataIndex: "number", width: 112 },
                  { title: "二", dataIndex: "summary", ellipsis: true },
                  { title: "三", dataIndex: "amount", align: "right", width: 120 },
                ]}
              />
            </>
          ),
        },
        { key: "b", label: "二", children: null },
      ]}
    />
  );
}

/**
 * Renders the parts once inside `wrap` (the app's providers, so that the styles registered are the
 * ones the pages use) into a detached node, and resolves once they are unmounted.
 */
export function warmUp(wrap: (children: ReactNode) => ReactNode): Promise<void> {
  return new Promise((resolve) => {
    const root = createRoot(document.createElement("div"));
    // After the effects, in a task of its own: a root is not unmounted while it renders.
    const done = () => {
      setTimeout(() => {
        root.unmount();
        resolve();
      });
    };
    root.render(wrap(<Parts onDone={done} />));
  });
}
