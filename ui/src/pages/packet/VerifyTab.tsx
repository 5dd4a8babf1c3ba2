// 校验申报包: pick a packet ZIP (an <input type="file">, which tests can drive) and have Rust check
// every file against its manifest — unchanged, none missing, none slipped in, and the manifest's
// key figures equal to the packet data inside. Shows 校验通过 with the figures, or the reason.
import { SafetyCertificateOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { errorMessage, packetVerify } from "../../ipc";
import { formatYuan } from "../../money";
import { FileTable } from "./labels";

export default function VerifyTab() {
  const input = useRef<HTMLInputElement>(null);
  const [inputKey, setInputKey] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: (file: File) => packetVerify(file) });
  const report = verify.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        选择一个本程序导出的申报材料压缩包（.zip），检查其中每个文件是否与清单 manifest.json
        的记录一致：没有被修改，没有缺少，也没有多出文件。报送前、或收到别人转来的压缩包时都可以校验。
      </Typography.Paragraph>
      {/* The browser's own file button would speak the system language; an antd button opens the
          same input, which stays in the page (visually hidden) for tests. */}
      <Space>
        <Button
          icon={<UploadOutlined />}
          onClick={() => input.current?.click()}
          loading={verify.isPending}
        >
          选择压缩包…
        </Button>
        <Typography.Text type={picked ? undefined : "secondary"} data-testid="packet-verify-name">
          {picked ?? "尚未选择文件"}
        </Typography.Text>
      </Space>
      <input
        key={inputKey}
        ref={input}
        type="file"
        accept=".zip"
        data-testid="packet-verify-file"
        style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setPicked(file.name);
          verify.mutate(file);
          // A new input, so that picking the same file again checks it again.
          setInputKey((k) => k + 1);
        }}
      />
      {verify.isPending && <Alert type="info" showIcon message="正在校验…" />}
      {verify.isError && (
        <Alert
          type="error"
          showIcon
          data-testid="packet-verify-refused"
          message="校验未通过"
          description={errorMessage(verify.error)}
        />
      )}
      {report && !verify.isPending && (
        <>
          <Alert
            type="success"
            showIcon
            icon={<SafetyCertificateOutlined />}
            data-testid="packet-verify-ok"
            message="校验通过：每个文件都与清单记录一致"
            description={
              <Descriptions
                size="small"
                column={2}
                style={{ marginTop: 8 }}
                items={[
                  { key: "f", label: "社联会", children: report.federation, span: 2 },
                  { key: "y", label: "申报年度", children: `${report.year} 年度` },
                  { key: "d", label: "生成日期", children: report.generatedOn },
                  { key: "t", label: "资助总额", children: `${formatYuan(report.total)} 元` },
                  {
                    key: "c",
                    label: "成员单位 / 服务项目",
                    children: `${report.members} 家 / ${report.projects} 个`,
                  },
                ]}
              />
            }
          />
          <FileTable files={report.files} testId="packet-verify-files" />
        </>
      )}
    </Space>
  );
}
