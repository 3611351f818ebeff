/**
 * Fuzzing the API: for every method of preload/api.ts, a corpus of malformed inputs — random JSON and
 * non-JSON values, wrong types, huge strings, negative / NaN / huge numbers, extra and prototype keys,
 * deep nesting — goes through the dispatcher. Every answer must be an envelope: an error with a code
 * from ERROR_CODES (INVALID_INPUT whenever the contract refuses the input) — never a thrown exception,
 * never INTERNAL or INVALID_OUTPUT. An input that happens to be valid may be answered; it still must
 * not fail internally. The counts are printed.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ERROR_CODES, METHOD_NAMES, type MethodName } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp, insertOrders, insertUnits } from '../../support/app.js';

const RUNS_PER_METHOD = 60;
/** Valid inputs of these are not run: they write files wherever the random path points. */
const NOT_RUN_WHEN_VALID = new Set<string>(['export.ledger']);
const CHINESE = /[\u4e00-\u9fff]/;

const HUGE = '工'.repeat(200_000);
const deep = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const edgeValues = fc.constantFrom<unknown>(
  null, undefined, NaN, Infinity, -Infinity, -0, -1, 0, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE,
  '', ' ', HUGE, '\u0000', '\ud800', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', 'C:\\Windows\\win.ini', '2026-02-30', 'NaN', '１２３',
  true, false, [], {}, [[[]]], deep(3000), Object.create(null), new Date(0), 10n ** 30n, Symbol('x'), () => 1,
);

const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    edgeValues,
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.bigInt(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Objects over the method's own keys (plus extra and prototype keys), each holding junk. */
function keyedJunk(name: MethodName): fc.Arbitrary<unknown> {
  const input = api[name].input as z.ZodType;
  const keys = input instanceof z.ZodObject ? Object.keys(input.shape) : ['key', 'value', 'version', 'id'];
  return fc.dictionary(fc.constantFrom(...keys, ...keys, 'extra', '__proto__', 'constructor', 'toString'), junk, { maxKeys: keys.length + 2 });
}

interface Tally {
  inputs: number;
  refused: Record<string, number>;
  answeredValid: number;
  skippedValid: number;
}

let app: AppRuntime;
const internal: string[] = [];
const tallies = new Map<string, Tally>();

beforeAll(async () => {
  app = await createTestApp({ onInternalError: (name, e) => void internal.push(`${name}: ${e instanceof Error ? e.message : String(e)}`) });
  const [community] = await insertUnits(app, [{ kind: 'community', name: '南街社区' }, { kind: 'department', name: '城管科' }]);
  await insertOrders(app, Array.from({ length: 5 }, () => ({ communityId: community! })));
});
afterAll(async () => {
  await app?.close();
  const all = [...tallies.values()];
  const inputs = all.reduce((n, t) => n + t.inputs, 0);
  const refused: Record<string, number> = {};
  for (const t of all) for (const [code, n] of Object.entries(t.refused)) refused[code] = (refused[code] ?? 0) + n;
  const valid = all.reduce((n, t) => n + t.answeredValid, 0);
  const skipped = all.reduce((n, t) => n + t.skippedValid, 0);
  console.log(
    `fuzz: ${tallies.size} methods, ${inputs} malformed or random inputs → refused ${JSON.stringify(refused)}; ` +
      `valid by chance and answered ${valid}, valid by chance and not run ${skipped}; unhandled exceptions 0, INTERNAL 0`,
  );
});

describe('every API method refuses malformed input with an error code, never an unhandled failure', () => {
  it('covers every method of the contract', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(50);
  });

  for (const name of METHOD_NAMES) {
    it(name, async () => {
      const tally: Tally = { inputs: 0, refused: {}, answeredValid: 0, skippedValid: 0 };
      tallies.set(name, tally);
      const spec = api[name];
      await fc.assert(
        fc.asyncProperty(fc.oneof(junk, keyedJunk(name), keyedJunk(name)), async (input) => {
          tally.inputs++;
          let valid: boolean;
          try {
            valid = spec.input.safeParse(input ?? {}).success;
          } catch {
            valid = false;
          }
          if (valid && NOT_RUN_WHEN_VALID.has(name)) {
            tally.skippedValid++;
            return;
          }
          const before = internal.length;
          const result = await app.dispatch(name, input, { actor: '模糊测试', transport: 'in-process' });
          expect(internal.slice(before)).toEqual([]);
          if ('reply' in result) {
            expect(valid).toBe(true);
            tally.answeredValid++;
            return;
          }
          const { code, message } = result.error;
          expect(ERROR_CODES).toContain(code);
          expect(code).not.toBe('INTERNAL');
          expect(code).not.toBe('INVALID_OUTPUT');
          expect(message).toMatch(CHINESE);
          if (!valid) expect(code).toBe('INVALID_INPUT');
          tally.refused[code] = (tally.refused[code] ?? 0) + 1;
        }),
        { numRuns: RUNS_PER_METHOD, seed: 20260302 },
      );
    });
  }
});
