// Collects 422 problems for the operator API (C-76): one per field, the first failing check of
// each, reported in the order of the endpoint's request table, then unrecognised fields.
import { InvalidError, type Problem } from '../errors.ts'

export class Problems {
  readonly #byField = new Map<string, string>()
  readonly #extra: string[] = []

  constructor(private readonly order: readonly string[]) {}

  /** Records the field's problem unless it already has one (its first failing check wins). */
  add(field: string, detail: string): void {
    if (this.#byField.has(field)) return
    this.#byField.set(field, detail)
    if (!this.order.includes(field)) this.#extra.push(field)
  }

  has(field: string): boolean {
    return this.#byField.has(field)
  }

  /** True when none of the fields has a problem: checks that relate fields run only then. */
  allValid(...fields: string[]): boolean {
    return fields.every((f) => !this.#byField.has(f))
  }

  get empty(): boolean {
    return this.#byField.size === 0
  }

  list(): Problem[] {
    return [...this.order.filter((f) => this.#byField.has(f)), ...this.#extra].map((attribute) => ({
      attribute,
      detail: this.#byField.get(attribute)!,
    }))
  }

  throwIfAny(): void {
    if (!this.empty) throw new InvalidError(this.list())
  }
}

/** C-77 texts. */
export const say = {
  enter: (f: string) => `Enter a '#/${f}'.`,
  mustBe: (f: string, format: string) => `The '#/${f}' must be ${format}.`,
  tooLong: (f: string, n: number) => `The '#/${f}' must be ${n} characters or fewer.`,
  invalid: (f: string) => `The '#/${f}' you have entered is invalid.`,
  unrecognised: (f: string) => `The '#/${f}' is not a recognised field.`,
  cannotChange: (f: string) => `The '#/${f}' cannot be changed.`,
}
