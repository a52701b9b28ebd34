/** SignedHeaderValues are the headers that take part in the signature, by name (any case). */
export type SignedHeaderValues = Readonly<Record<string, string>>;

/** canonicalHeaders lists the headers sorted by lower-case name, one `name:value\n` line each, values trimmed. */
export function canonicalHeaders(headers: SignedHeaderValues): string {
  return Object.keys(headers)
    .map((name) => ({ name: name.toLowerCase(), value: headers[name].trim() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((h) => `${h.name}:${h.value}\n`)
    .join("");
}
