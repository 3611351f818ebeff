/**
 * Query templates: a Kysely query built once with named placeholders and compiled once, then executed
 * many times with different values. Compiling a nested query costs more than running a 100-row indexed
 * page, so hot paths (the grid) keep their compiled SQL per query shape.
 */
import { CompiledQuery } from 'kysely';

class Placeholder {
  constructor(readonly name: string) {}
}

/** A stand-in for a value, typed to fit wherever the builder expects one. */
export function placeholder<T = any>(name: string): T {
  return new Placeholder(name) as unknown as T;
}

export interface QueryTemplate {
  readonly sql: string;
  bind(values: Readonly<Record<string, unknown>>): CompiledQuery;
}

export function toTemplate(compiled: CompiledQuery): QueryTemplate {
  // Placeholders are bound per run; any other parameter is a constant of the template (e.g. LIMIT 1).
  type Slot = { kind: 'bound'; name: string } | { kind: 'constant'; value: unknown };
  const slots: Slot[] = compiled.parameters.map((p) => (p instanceof Placeholder ? { kind: 'bound', name: p.name } : { kind: 'constant', value: p }));
  return {
    sql: compiled.sql,
    bind(values) {
      const parameters = slots.map((slot) => {
        if (slot.kind === 'constant') return slot.value;
        if (!(slot.name in values)) throw new Error(`query template: no value for ${slot.name}`);
        return values[slot.name];
      });
      return CompiledQuery.raw(compiled.sql, parameters);
    },
  };
}

/** Templates by shape key, built on first use. */
export class TemplateCache {
  private readonly templates = new Map<string, QueryTemplate>();
  get(shape: string, build: () => CompiledQuery): QueryTemplate {
    let t = this.templates.get(shape);
    if (!t) this.templates.set(shape, (t = toTemplate(build())));
    return t;
  }
}
