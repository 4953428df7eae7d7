/** Bad usage of the command line (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Bad input data: names the line and field (exit code 2). Nothing of the input is written. */
export class InputError extends Error {
  override name = "InputError";
  constructor(message: string, readonly where?: { line?: number; field?: string }, options?: ErrorOptions) {
    super(message, options);
  }
}
