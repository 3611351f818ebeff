/** Week arithmetic for the picker, in Beijing days 'YYYY-MM-DD' (the backend resolves the week). */
import { addDays, beijingDay, beijingParts, startOfBeijingDay } from '../../../preload/contract/time.js';

export const todayInBeijing = () => beijingDay(Date.now());

/** The Monday of the week containing `day`. */
export function mondayOf(day: string): string {
  const weekday = beijingParts(startOfBeijingDay(day)).weekday;
  return addDays(day, -((weekday + 6) % 7));
}

export const shiftWeeks = (day: string, n: number) => addDays(mondayOf(day), 7 * n);

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
