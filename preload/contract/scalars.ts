/** Scalar schemas every domain uses. Instants are epoch milliseconds (see README: Time). */
import { z } from 'zod';

export const epochMs = z.number().int().nonnegative();
export const id = z.number().int().positive();
