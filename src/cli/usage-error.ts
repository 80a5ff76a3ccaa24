/** A mistake in the command line itself (an option value out of its set): exit code 1, no stack. */
export class UsageError extends Error {
  /** @param message - What is wrong, naming the option. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
