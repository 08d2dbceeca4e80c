const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** "4 March 2025": the day as the CMS wrote it (the broadcast's own offset, not the server's). */
export function longDate(iso: string | null | undefined): string {
  const parts = iso ? ISO_DATE_TIME.exec(iso) : null;
  if (!parts) return iso ?? "";
  const [, year, month, day] = parts;
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** "4 March 2025, 10:00 (UTC+01:00)": the moment as the CMS wrote it, in its own offset. */
export function longDateTime(iso: string | null | undefined): string {
  const parts = iso ? ISO_DATE_TIME.exec(iso) : null;
  if (!parts) return iso ?? "";
  const [, year, month, day, hours, minutes, offset] = parts;
  const zone = offset ? ` (UTC${offset === "Z" ? "+00:00" : offset})` : "";
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}, ${hours}:${minutes}${zone}`;
}

/** 125 -> "2:05"; 3725 -> "1:02:05". */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(Math.floor(seconds % 60)).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
