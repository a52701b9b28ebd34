import { formatSdkDate } from "./formatSdkDate";
import { VECTOR } from "./vector.fixture";

describe("formatSdkDate", () => {
  it("renders the vector's instant as its X-Sdk-Date", () => {
    expect(formatSdkDate(VECTOR.instant)).toBe(VECTOR.sdkDate);
  });
  it("drops milliseconds and renders in UTC", () => {
    expect(formatSdkDate(new Date("2024-02-29T23:59:59.999+01:00"))).toBe("20240229T225959Z");
  });
});
