/**
 * The Pulumi CLI's passphrase secrets provider, so the harness reads `secure:` values of stack files written by
 * `pulumi config set --secret` (PULUMI_CONFIG_PASSPHRASE). The stack file's `encryptionsalt` is
 * `v1:<base64 salt>:<ciphertext of "pulumi">`; the key is PBKDF2-HMAC-SHA256(passphrase, salt, 1,000,000, 32 bytes);
 * each value is `v1:<base64 12-byte nonce>:<base64 AES-256-GCM ciphertext with its 16-byte tag>`.
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from "node:crypto";

const ITERATIONS = 1_000_000;
const VERIFIER = "pulumi";
const TAG_BYTES = 16;

/** PassphraseError says a passphrase or a ciphertext does not fit; it never shows the passphrase. */
export class PassphraseError extends Error {
  override name = "PassphraseError";
}

const keys = new Map<string, Buffer>();

/** passphraseKey derives the key of a stack file's `encryptionsalt` and checks the passphrase against its verifier. */
export function passphraseKey(passphrase: string, encryptionSalt: string): Buffer {
  const cacheKey = `${encryptionSalt}\u0000${passphrase}`;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  const [version, salt, ...verifier] = encryptionSalt.split(":");
  if (version !== "v1" || !salt || verifier.length !== 3) throw new PassphraseError("malformed encryptionsalt");
  const key = pbkdf2Sync(passphrase, Buffer.from(salt, "base64"), ITERATIONS, 32, "sha256");
  let check: string;
  try {
    check = decryptValue(verifier.join(":"), key);
  } catch {
    throw new PassphraseError("incorrect passphrase");
  }
  if (check !== VERIFIER) throw new PassphraseError("incorrect passphrase");
  keys.set(cacheKey, key);
  return key;
}

/** decryptValue decrypts one `v1:<nonce>:<ciphertext>` value with a derived key. */
export function decryptValue(ciphertext: string, key: Buffer): string {
  const [version, nonce, data] = ciphertext.split(":");
  if (version !== "v1" || !nonce || !data) throw new PassphraseError("malformed secure value");
  const bytes = Buffer.from(data, "base64");
  if (bytes.length < TAG_BYTES) throw new PassphraseError("malformed secure value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new PassphraseError("a secure value does not decrypt with this passphrase");
  }
}

/** encryptValue encrypts a value as the CLI does (tests and tools that write stack files use it). */
export function encryptValue(plaintext: string, key: Buffer, nonce: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1:${nonce.toString("base64")}:${data.toString("base64")}`;
}

/** newEncryptionSalt makes a fresh `encryptionsalt` for a passphrase, as `pulumi stack init` does. */
export function newEncryptionSalt(passphrase: string, salt: Buffer = randomBytes(8)): string {
  const key = pbkdf2Sync(passphrase, salt, ITERATIONS, 32, "sha256");
  return `v1:${salt.toString("base64")}:${encryptValue(VERIFIER, key)}`;
}
