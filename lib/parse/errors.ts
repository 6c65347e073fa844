/** Where a problem in input was found. */
export interface InputLocation {
  file?: string;
  /** 1-based line (text/CSV) or row (XLSX). */
  line?: number;
  field?: string;
}

/**
 * Input that cannot be read or recognised at all. The message is one line for a person: what is wrong
 * and where (file, row, field). Callers show it; the CLI exits 2 with it.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly where: InputLocation = {},
  ) {
    super(message);
    this.name = 'InputError';
  }
}
