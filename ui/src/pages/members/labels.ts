// Chinese words for the enums the Rust side sends, in one place.
import type { InspectionResult, LegalForm, MemberStatus, PartyBuilding } from "../../ipc";

export const LEGAL_FORM: Record<LegalForm, string> = { registered: "登记", filed: "备案" };
export const STATUS: Record<MemberStatus, string> = {
  active: "正常",
  suspended: "暂停",
  withdrawn: "已退出",
};
export const PARTY: Record<PartyBuilding, string> = {
  standalone: "单独组建",
  joint: "联合组建",
  instructor: "党建指导员",
  none: "未覆盖",
};
export const INSPECTION: Record<InspectionResult, string> = {
  pass: "合格",
  basicPass: "基本合格",
  fail: "不合格",
  absent: "未参检",
};

export function options<K extends string>(record: Record<K, string>) {
  return (Object.keys(record) as K[]).map((value) => ({ value, label: record[value] }));
}
