import { decryptValue, encryptValue, newEncryptionSalt, passphraseKey } from "./passphrase";

// A public Pulumi-compatible vector: passphrase "foo", its encryptionsalt, and "test" encrypted under it.
const SALT = "v1:LAQ7P6sT/+w=:v1:WejwuMb5G4TZsR/r:xZvrv45hbT2QRrHCkQrepVv3xQfMjw==";
const TEST = "v1:6rgJQkU0YY5NFozT:HN1XFZSfr2YW1Pi1QtMfUJjad4w=";

describe("passphrase secrets", () => {
  it("decrypts a value written under a known passphrase and salt", () => {
    expect(decryptValue(TEST, passphraseKey("foo", SALT))).toBe("test");
  });

  it("rejects a wrong passphrase by the salt's verifier", () => {
    expect(() => passphraseKey("bar", SALT)).toThrow("incorrect passphrase");
  });

  it("round-trips a value through a fresh salt", () => {
    const salt = newEncryptionSalt("s3cret-passphrase");
    const key = passphraseKey("s3cret-passphrase", salt);
    expect(decryptValue(encryptValue("hello", key), key)).toBe("hello");
  });
});
