import { createHash } from "node:crypto";

/** SHA-256 hex of bytes or a UTF-8 string. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
