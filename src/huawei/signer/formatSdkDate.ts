/** formatSdkDate renders an instant as the `X-Sdk-Date` value, `YYYYMMDDTHHmmssZ` in UTC (no separators, no ms). */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
