import type { Migration } from "kysely";
import * as initial from "./0001-initial.js";

/** Every migration in order; names sort lexically and are never renamed. */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
};
