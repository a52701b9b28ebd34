import { canonicalHeaders } from "./canonicalHeaders";

describe("canonicalHeaders", () => {
  it("lower-cases, sorts and trims, one line per header", () => {
    expect(canonicalHeaders({ "X-Sdk-Date": "20191115T033655Z", host: " h.example.com ", "Content-Type": "a/b" })).toBe(
      "content-type:a/b\nhost:h.example.com\nx-sdk-date:20191115T033655Z\n",
    );
  });
});
