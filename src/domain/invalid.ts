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

/** `parse(text)`, or null where the text breaks its rules (InvalidInput); any other error still throws. */
export function parsedOrNull<T>(parse: (text: string) => T, text: string): T | null {
  try {
    return parse(text);
  } catch (err) {
    if (err instanceof InvalidInput) return null;
    throw err;
  }
}
