// Certificate serial numbers: PREFIX-YEAR-NNNN-RRRRRC, e.g. HNGREEN-2025-0007-K3Q9TX.
//
// NNNN is the certificate's sequence in its program (four digits, more when needed), so a
// serial reads in order on a list. The last group is five random characters and a check
// character: the sequence alone would let anyone walk the verification page from 0001
// upwards, but with 32⁵ ≈ 33.5 million possible random parts per number a guessed serial is
// almost never a real one. The check character (ISO/IEC 7064 MOD 37,36 over every letter and
// digit of the serial) catches a mistyped character or two swapped neighbours before a lookup.
//
// Pure: the caller supplies the random characters (the server draws them from crypto).

/** Crockford's base32: no I, L, O or U, so a printed serial cannot be misread. */
export const SERIAL_RANDOM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SERIAL_RANDOM_LENGTH = 5;

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^([A-Z0-9]{2,12})-(\d{4})-(\d{4,})-([0-9A-HJKMNP-TV-Z]{5})([0-9A-Z])$/;

/** The ISO/IEC 7064 MOD 37,36 check character of the letters and digits in `text`. */
export function serialCheckChar(text: string): string {
  let p = 36;
  for (const ch of text.toUpperCase()) {
    const a = ALNUM.indexOf(ch);
    if (a < 0) continue; // separators do not count
    let s = (p + a) % 36;
    if (s === 0) s = 36;
    p = (s * 2) % 37;
  }
  return ALNUM[(37 - p) % 36];
}

/** Random characters for a serial from random bytes (one byte per character, 256 = 8 × 32: no bias). */
export function serialRandomPart(bytes: Uint8Array): string {
  if (bytes.length < SERIAL_RANDOM_LENGTH) throw new Error(`need ${SERIAL_RANDOM_LENGTH} random bytes`);
  return Array.from(bytes.slice(0, SERIAL_RANDOM_LENGTH), (b) => SERIAL_RANDOM_ALPHABET[b % 32]).join('');
}

export function makeSerial(o: { prefix: string; year: number; seq: number; random: string }): string {
  const body = `${o.prefix}-${o.year}-${String(o.seq).padStart(4, '0')}-${o.random}`;
  return body + serialCheckChar(body);
}

/** How a typed serial is compared: trimmed, upper case, any dash-like character a dash. */
export const normalizeSerial = (input: string): string => input.trim().toUpperCase().replace(/[\s‐-―－]+/g, (m) => (m.trim() ? '-' : ''));

/** Whether a (normalized) serial has the shape and a matching check character. */
export function isWellFormedSerial(serial: string): boolean {
  const m = SHAPE.exec(serial);
  if (!m) return false;
  return serialCheckChar(serial.slice(0, -1)) === serial.slice(-1);
}

/** The sequence number of a well-formed serial (for the next one in a program). */
export function serialSequence(serial: string): number | null {
  const m = SHAPE.exec(serial);
  return m ? Number(m[3]) : null;
}
