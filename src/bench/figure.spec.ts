import { exact, measured } from "./figure";
import { renderFigure } from "./table";

describe("exact", () => {
  it("passes only when the value equals the target and what else must hold holds", () => {
    expect(exact("Aliyun TCP create", 2, "calls", 2, true).pass).toBe(true);
    expect(exact("Aliyun TCP create", 2, "calls", 2, false).pass).toBe(false);
  });

  it("misses with fewer as with more, where measured passes fewer", () => {
    expect(exact("Aliyun TCP create", 1, "calls", 2, true).pass).toBe(false);
    expect(exact("Aliyun TCP create", 3, "calls", 2, true).pass).toBe(false);
    expect(measured("Aliyun TCP create", 1, "calls", 2).pass).toBe(true);
  });
});

describe("renderFigure", () => {
  it('prints an exact target as "= n" and an upper bound as "<= n"', () => {
    const lines = renderFigure({
      id: 1,
      title: "API calls per lifecycle step",
      conditions: "one listener at a time",
      rows: [
        exact("Huawei v2 create", 4, "calls", 4, true, "GET 2, POST 1, GET v3 1"),
        measured("Huawei create", 1, "calls", 1),
      ],
    });
    expect(lines).toEqual([
      "1. API calls per lifecycle step",
      "   one listener at a time",
      "",
      "   measure               value  unit   target  mark",
      "   --------------------  -----  -----  ------  ----",
      "   Huawei v2 create [1]      4  calls     = 4  PASS",
      "   Huawei create             1  calls    <= 1  PASS",
      "   [1] GET 2, POST 1, GET v3 1",
      "",
    ]);
  });
});
