// The 社联会信息 page: empty fields said as 未填写, and edit → save → 已保存 → back to the view.
import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { federationSave } from "../../ipc";
import { renderWithApp, session } from "../../test/render";
import FederationPage from "./index";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  federationSave: vi.fn(),
}));

describe("FederationPage", () => {
  beforeEach(() => {
    vi.mocked(federationSave).mockReset();
  });

  it("shows the profile, edits it prefilled, and confirms the save", async () => {
    const user = userEvent.setup();
    const info = session();
    vi.mocked(federationSave).mockResolvedValue({ ...info.federation!, phone: "025-87654321" });
    renderWithApp(<FederationPage session={info} />);

    expect(screen.getByText("51320106MJ0000000X")).toBeInTheDocument();
    expect(screen.getAllByText("未填写").length).toBeGreaterThan(0);

    await user.click(screen.getByTestId("federation-edit"));
    const phone = document.getElementById("federation_phone")!;
    expect(phone).toHaveValue("025-12345678");
    fireEvent.change(phone, { target: { value: "025-87654321" } });
    await user.click(screen.getByTestId("federation-save"));

    expect(await screen.findByText("已保存")).toBeInTheDocument();
    expect(vi.mocked(federationSave).mock.calls[0][0]).toMatchObject({
      phone: "025-87654321",
      recognitionDate: "",
    });
    expect(screen.queryByTestId("federation-save")).not.toBeInTheDocument();
  });
});
