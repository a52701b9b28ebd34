import { signedHeaderNames } from "./signedHeaderNames";

describe("signedHeaderNames", () => {
  it("joins the sorted lower-case names with semicolons", () => {
    expect(signedHeaderNames({ "X-Sdk-Date": "d", host: "h", "Content-Type": "c" })).toBe(
      "content-type;host;x-sdk-date",
    );
  });
});
