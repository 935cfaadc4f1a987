// Bad input from a client. The HTTP layer turns it into a 400 problem+json whose `detail` is the message.

export class InvalidInput extends Error {
  constructor(
    /** What was wrong: "username", "slug", or a query parameter's name. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInput';
  }
}
