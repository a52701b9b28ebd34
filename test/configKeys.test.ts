/**
 * The config-key rule: under `alicloud:` and `huaweicloud:` the package reads and documents only keys that the
 * official provider of that namespace defines, because bridged providers refuse any other key in their namespace
 * ("... is not a valid configuration key for the alicloud provider"; pulumi-terraform-bridge #1663, #2582). Every key
 * the package reads (its key tables) and every key it documents or uses (README, examples, stack files, sources) is
 * checked against the official lists below.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_KEYS as ALIYUN_KEYS } from "../src/aliyun/config";
import { PACKAGE_CONFIG_KEYS, PACKAGE_NAMESPACE } from "../src/core/config";
import { SETTINGS as HUAWEI_SETTINGS } from "../src/huawei/config";
import { REPO_ROOT } from "./support/scratch";

/**
 * Every configuration key of the alicloud provider. Ref: `@pulumi/alicloud` 3.108.0 `config/vars.d.ts` (the Pulumi
 * names of terraform-provider-alicloud `alicloud/provider.go` Provider().Schema).
 */
const ALICLOUD_OFFICIAL = [
  "accessKey",
  "accountId",
  "accountType",
  "assumeRole",
  "assumeRoleWithOidc",
  "clientConnectTimeout",
  "clientReadTimeout",
  "configurationSource",
  "credentialsUri",
  "ecsRoleName",
  "endpoints",
  "fc",
  "features",
  "logEndpoint",
  "maxRetryTimeout",
  "mnsEndpoint",
  "otsInstanceName",
  "profile",
  "protocol",
  "region",
  "secretKey",
  "secureTransport",
  "securityToken",
  "securityTransport",
  "sharedCredentialsFile",
  "signVersion",
  "skipRegionValidation",
  "sourceIp",
];

/**
 * Every configuration key of the huaweicloud provider. Ref: terraform-provider-huaweicloud `huaweicloud/provider.go`
 * Provider().Schema (commit a0345b8d), in the camelCase the Pulumi bridge gives them.
 */
const HUAWEICLOUD_OFFICIAL = [
  "region",
  "accessKey",
  "secretKey",
  "securityToken",
  "domainId",
  "domainName",
  "userName",
  "userId",
  "password",
  "assumeRole",
  "assumeRoleWithOidc",
  "projectId",
  "projectName",
  "tenantId",
  "tenantName",
  "token",
  "insecure",
  "cacertFile",
  "cert",
  "key",
  "agencyName",
  "agencyDomainName",
  "delegatedProject",
  "authUrl",
  "cloud",
  "endpoints",
  "regional",
  "sharedConfigFile",
  "profile",
  "enterpriseProjectId",
  "maxRetries",
  "enableForceNew",
  "signingAlgorithm",
  "skipCheckWebsiteType",
  "skipCheckUpgrade",
  "defaultTags",
  "ignoreTags",
];

const OFFICIAL: Record<string, readonly string[]> = { alicloud: ALICLOUD_OFFICIAL, huaweicloud: HUAWEICLOUD_OFFICIAL };

/** The files where the package documents or uses config keys: README, stack files, examples and non-spec sources. */
function documentingFiles(): string[] {
  const out = ["README.md", "Pulumi.yaml"].concat(
    fs.readdirSync(REPO_ROOT).filter((f) => /^Pulumi\..+\.yaml$/.test(f)),
  );
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|md|ya?ml|json)$/.test(entry.name) && !entry.name.includes(".spec.")) out.push(rel);
    }
  };
  walk("src");
  walk("examples");
  return out.filter((f) => fs.existsSync(path.join(REPO_ROOT, f)));
}

const KEY_PATTERN = /(?<![\w@/.-])(alicloud|huaweicloud):([A-Za-z][A-Za-z0-9]*)/g;

describe("config keys in the official providers' namespaces", () => {
  const read = [...Object.values(ALIYUN_KEYS), ...Object.values(HUAWEI_SETTINGS).map((s) => s.key)];

  it.each(read.filter((k) => !k.startsWith(`${PACKAGE_NAMESPACE}:`)))(
    "reads %s, a key the official provider defines",
    (key) => {
      const [namespace, name] = key.split(":");
      expect(OFFICIAL[namespace]).toContain(name);
    },
  );

  it("reads every other key from the package's own namespace", () => {
    const own = read.filter((k) => !k.startsWith("alicloud:") && !k.startsWith("huaweicloud:"));
    expect([...new Set(own)].sort()).toEqual(Object.values(PACKAGE_CONFIG_KEYS).sort());
    expect(own.every((k) => k.startsWith("pulumi-lb-listeners:"))).toBe(true);
  });

  it("documents and uses only official keys under alicloud: and huaweicloud:", () => {
    const found: string[] = [];
    const offending: string[] = [];
    for (const file of documentingFiles()) {
      const text = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
      for (const match of text.matchAll(KEY_PATTERN)) {
        found.push(match[0]);
        if (!OFFICIAL[match[1]].includes(match[2])) offending.push(`${file}: ${match[0]}`);
      }
    }
    expect(offending).toEqual([]);
    // The scan sees the keys the README and the stack files use.
    expect(found).toEqual(expect.arrayContaining(["alicloud:region", "huaweicloud:projectId", "alicloud:endpoints"]));
  });
});
