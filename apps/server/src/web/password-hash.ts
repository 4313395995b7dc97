import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters. */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

const KEY_LENGTH = 64;
/** OWASP's current scrypt figure: N=2^17, r=8, p=1 (128 MiB and a few hundred ms per hash). */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** The largest cost a stored hash may ask for (so a hostile hash cannot exhaust memory). */
const MAX_N = 2 ** 18;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses anything over `maxmem` (32 MiB by default).
  const maxmem = 128 * params.N * params.r + 16 * 1024 * 1024;
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parse(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p || N > MAX_N || !Number.isInteger(Math.log2(N)) || r > 16 || p > 4) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || hash.length !== KEY_LENGTH) return undefined;
  return { N, r, p, salt, hash };
}

/** scrypt password hashes, `scrypt$N$r$p$salt$hash` (base64), made at one set of parameters. */
export class PasswordHasher {
  readonly params: ScryptParams;
  /** A hash no password matches, at these parameters: verified for unknown emails (same work). */
  readonly decoy: string;

  constructor(params: ScryptParams = SCRYPT_PARAMS) {
    this.params = params;
    const zeros = (n: number) => Buffer.alloc(n).toString('base64');
    this.decoy = `scrypt$${params.N}$${params.r}$${params.p}$${zeros(16)}$${zeros(KEY_LENGTH)}`;
  }

  /** A hash of `password` with a fresh salt. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.params);
    const { N, r, p } = this.params;
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** True when `password` matches `stored` (at whatever parameters it was made); false for malformed hashes. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (parsed === undefined) return false;
    return timingSafeEqual(await derive(password, parsed.salt, parsed), parsed.hash);
  }

  /** True when `stored` was made with weaker parameters than these (re-hash it at the next login). */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    return parsed === undefined || parsed.N < this.params.N || parsed.r < this.params.r;
  }
}

const standard = new PasswordHasher();

/** Hashes a password at today's parameters (N=2^17). */
export const hashPassword = (password: string): Promise<string> => standard.hash(password);

/** True when `password` matches `stored`; compares in constant time; false for any malformed hash. */
export const verifyPassword = (password: string, stored: string): Promise<boolean> =>
  standard.verify(password, stored);
