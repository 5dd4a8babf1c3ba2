// The dialog shell: it sends what toInput makes of the values, once; a refusal's problems land under
// their fields (with the rule id) or in the Alert; a form that refuses its own values sends nothing.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Form, Input } from "antd";
import { describe, expect, it, vi } from "vitest";
import type { ErrorPayload } from "../ipc";
import { renderWithApp } from "../test/render";
import FormModal, { type Submission } from "./FormModal";

interface Values {
  name: string;
}

function renderDialog(mutation: Submission<{ name: string }, string>, onSuccess = vi.fn()) {
  renderWithApp(
    <FormModal
      name="demo"
      title="登记"
      initialValues={{ name: "" }}
      mutation={mutation}
      toInput={(v: Values, form) => {
        if (v.name === "草稿") {
          form.setFields([{ name: "name", errors: ["草稿不能提交"] }]);
          return null;
        }
        return { name: v.name.trim() };
      }}
      place={(field) => (field === "title" ? ["name"] : null)}
      onSuccess={onSuccess}
      onClose={vi.fn()}
      submitText="登记"
      submitTestId="demo-submit"
      errorTestId="demo-error"
      note="登记后不能修改。"
    >
      <Form.Item name="name" label="名称">
        <Input />
      </Form.Item>
    </FormModal>,
  );
}

function itemOf(id: string): HTMLElement {
  return document.getElementById(id)!.closest(".ant-form-item") as HTMLElement;
}

describe("FormModal", () => {
  it("sends the input and hands the result on", async () => {
    const onSuccess = vi.fn();
    const mutate = vi.fn<Submission<{ name: string }, string>["mutate"]>((_, o) =>
      o.onSuccess("ok"),
    );
    renderDialog({ isPending: false, mutate }, onSuccess);
    expect(screen.getByText("登记后不能修改。")).toBeInTheDocument();

    fireEvent.change(document.getElementById("demo_name")!, { target: { value: " 南京 " } });
    fireEvent.click(screen.getByTestId("demo-submit"));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith("ok"));
    expect(mutate.mock.calls[0][0]).toEqual({ name: "南京" });
  });

  it("puts a placed problem under its field and the rest in the Alert", async () => {
    const refusal: ErrorPayload = {
      code: "validation",
      message: "两处问题",
      field: null,
      rule: null,
      problems: [
        { field: "title", message: "名称已被使用", rule: "R-NAME" },
        { field: "elsewhere", message: "账本已结账", rule: "R-PERIOD" },
      ],
    };
    renderDialog({ isPending: false, mutate: (_, o) => o.onError(refusal) });
    fireEvent.change(document.getElementById("demo_name")!, { target: { value: "南京" } });
    fireEvent.click(screen.getByTestId("demo-submit"));

    const placed = await screen.findByText("名称已被使用");
    expect(itemOf("demo_name")).toContainElement(placed);
    expect(itemOf("demo_name").querySelector("[data-rule]")).toHaveTextContent("R-NAME");
    expect(screen.getByTestId("demo-error")).toHaveTextContent("账本已结账R-PERIOD");
  });

  it("sends nothing while the form refuses its values", async () => {
    const mutate = vi.fn();
    renderDialog({ isPending: false, mutate });
    fireEvent.change(document.getElementById("demo_name")!, { target: { value: "草稿" } });
    fireEvent.click(screen.getByTestId("demo-submit"));
    expect(await screen.findByText("草稿不能提交")).toBeInTheDocument();
    expect(mutate).not.toHaveBeenCalled();
  });

  it("shows the running send on the button and ignores another click", async () => {
    const mutate = vi.fn();
    renderDialog({ isPending: true, mutate });
    const submit = screen.getByTestId("demo-submit");
    expect(submit).toHaveClass("ant-btn-loading");
    fireEvent.click(submit);
    fireEvent.submit(document.getElementById("demo")!);
    await new Promise((r) => setTimeout(r, 50));
    expect(mutate).not.toHaveBeenCalled();
  });
});
