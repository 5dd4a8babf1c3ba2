// Chinese words for the enums the Rust side sends, in one place.

// The words are Rust's (bindings/labels.ts, generated from the Rust labels).
export {
  INSPECTION_RESULT_LABEL as INSPECTION,
  LEGAL_FORM_LABEL as LEGAL_FORM,
  PARTY_BUILDING_LABEL as PARTY,
  MEMBER_STATUS_LABEL as STATUS,
} from "../../bindings/labels";

export function options<K extends string>(record: Record<K, string>) {
  return (Object.keys(record) as K[]).map((value) => ({ value, label: record[value] }));
}
