// Placeholder until classifier/model/train.ts has been run.
import type { TextModel } from "./text-model.js";

/** The shipped text model. */
export const TEXT_MODEL: TextModel = { version: "none", bias: 0, weights: {}, trainedOn: "" };
