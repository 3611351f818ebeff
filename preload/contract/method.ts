/** One API method in the contract: input schema, output schema, and what it is for (Chinese). */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  doc: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): MethodSpec<I, O> {
  return { input, output, doc };
}
