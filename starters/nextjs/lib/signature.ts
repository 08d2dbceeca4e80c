// The receiver's half of the CMS's signed webhook (frontend_api/revalidation/signing.py):
// HMAC-SHA256 with the shared secret over "<timestamp>.<body>", fresh within five minutes.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-revalidate-signature";
export const TIMESTAMP_HEADER = "x-revalidate-timestamp";
export const TOLERANCE_SECONDS = 300;

export function sign(body: string, secret: string, timestamp: number): string {
  return "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function verify(
  body: string,
  headers: Headers,
  secret: string,
  nowSeconds: number = Date.now() / 1000,
): boolean {
  const rawTimestamp = headers.get(TIMESTAMP_HEADER) ?? "";
  const given = headers.get(SIGNATURE_HEADER) ?? "";
  if (!secret || !/^[0-9]+$/.test(rawTimestamp)) return false;
  const timestamp = Number(rawTimestamp);
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(sign(body, secret, timestamp));
  const received = Buffer.from(given);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
