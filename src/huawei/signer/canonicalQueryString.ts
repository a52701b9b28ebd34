import { percentEncode } from "./percentEncode";

/** QueryParams are decoded query parameters; a repeated parameter is a list. */
export type QueryParams = Readonly<Record<string, string | readonly string[]>>;

/** canonicalQueryString sorts the parameters by name (then values), percent-encodes both, and joins with `&`. */
export function canonicalQueryString(query: QueryParams): string {
  const pairs: string[] = [];
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    const values = typeof value === "string" ? [value] : [...value].sort();
    for (const v of values) pairs.push(`${percentEncode(name)}=${percentEncode(v)}`);
  }
  return pairs.join("&");
}
