// Exact string arithmetic on money: the cases a secretary's figures actually hit.
import { describe, expect, it } from "vitest";
import { addYuan, fenToYuan, formatYuan, percentOf, subtractYuan, toFen } from "./money";

describe("formatYuan", () => {
  it.each([
    ["150000.00", "150,000.00"],
    ["180000.00", "180,000.00"],
    ["1000000.5", "1,000,000.50"],
    ["999.99", "999.99"],
    ["1000", "1,000.00"],
    ["0.00", "0.00"],
    ["-80000.00", "-80,000.00"],
    ["123456789012.34", "123,456,789,012.34"],
  ])("%s → %s", (input, expected) => {
    expect(formatYuan(input)).toBe(expected);
  });

  it("leaves anything that is not a plain amount as it is", () => {
    expect(formatYuan("15万")).toBe("15万");
    expect(formatYuan("")).toBe("");
  });

  it("never goes through a float: 0.1 + 0.2 style sums stay exact", () => {
    expect(addYuan("0.10", "0.20")).toBe("0.30");
    expect(formatYuan(addYuan("9007199254740.99", "0.01")!)).toBe("9,007,199,254,741.00");
  });
});

describe("fen arithmetic", () => {
  it("reads canonical yuan into fen and back", () => {
    expect(toFen("150000.00")).toBe(15_000_000n);
    expect(toFen("150,000.5")).toBe(15_000_050n);
    expect(toFen("-0.01")).toBe(-1n);
    expect(toFen("1.234")).toBeNull();
    expect(toFen("abc")).toBeNull();
    expect(fenToYuan(15_000_050n)).toBe("150000.50");
    expect(fenToYuan(-5n)).toBe("-0.05");
  });

  it("adds and subtracts", () => {
    expect(addYuan("180000.00", "180000.00")).toBe("360000.00");
    expect(addYuan()).toBe("0.00");
    expect(addYuan("1", "x")).toBeNull();
    expect(subtractYuan("100000.00", "180000.00")).toBe("-80000.00");
  });
});

describe("percentOf", () => {
  it.each([
    ["100000.00", "180000.00", 55],
    ["180000.00", "180000.00", 100],
    ["179999.99", "180000.00", 99],
    ["0.00", "180000.00", 0],
    ["1.00", "0.00", 0],
    ["200.00", "100.00", 100],
    ["x", "100.00", 0],
  ])("%s of %s is %i%%", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });
});
