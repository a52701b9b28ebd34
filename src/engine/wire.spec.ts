import { unknown } from "@pulumi/pulumi/output";
import { isSecretWrapper, toWire, UNKNOWN, withSecrets } from "./wire";

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cret" };

describe("wire", () => {
  it("recognises Pulumi's secret wrapper and nothing else", () => {
    expect(isSecretWrapper(SECRET)).toBe(true);
    expect(isSecretWrapper({ value: "s3cret" })).toBe(false);
    expect(isSecretWrapper(null)).toBe(false);
  });

  it("sends secrets bare, unknowns as the sentinel, and drops undefined members", () => {
    expect(toWire({ key: SECRET, list: [SECRET, 1], port: unknown, gone: undefined })).toEqual({
      key: "s3cret",
      list: ["s3cret", 1],
      port: UNKNOWN,
    });
  });

  it("wraps only the named keys that are present as secrets again", () => {
    expect(withSecrets({ key: "s3cret", port: 80 }, ["key", "absent"])).toEqual({ key: SECRET, port: 80 });
  });
});
