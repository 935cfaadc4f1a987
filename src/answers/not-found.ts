// The Dashboard says the user or course does not exist (possibly from a cached negative entry).

export class NotFound extends Error {
  constructor(
    readonly what: 'user' | 'course',
    readonly id: string,
  ) {
    super(`the Dashboard has no ${what} ${JSON.stringify(id)}`);
    this.name = 'NotFound';
  }
}
