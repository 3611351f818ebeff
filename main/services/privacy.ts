/** Masking of citizens' personal data: shown masked by default everywhere (DESIGN §1). */
export const CONFIDENTIAL = '保密';

/** 13812345678 → 138****5678; landlines keep area code and last 4; '保密' stays as is. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const p = phone.trim();
  if (p === CONFIDENTIAL || p === '') return p;
  const digits = p.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, Math.max(0, digits.length - 8))}****${digits.slice(-4)}`;
  return '****';
}

/** 李小明 → 李**: the surname and at most two stars; '保密' and one-character names stay as they are. */
export function maskName(name: string): string {
  if (name === CONFIDENTIAL || name.length <= 1) return name;
  return `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;
}

/** An order whose citizen asked for confidentiality: its name and phone are never shown in full. */
export function isConfidential(name: string | null, phone: string | null): boolean {
  return name?.trim() === CONFIDENTIAL || phone?.trim() === CONFIDENTIAL;
}
