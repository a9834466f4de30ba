/** The result of checking a value read back from the database or a file: the value, or a reason in Chinese. */
export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };
