/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Takes one token; false when the bucket is empty (the request is refused, not queued). */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Back to full: nothing to remember about this key any more. */
  full(now = Date.now()): boolean {
    return this.tokens + ((now - this.at) / 1000) * this.perSecond >= this.burst;
  }
}

/** One bucket per key (a socket, a person), forgotten once full again so idle keys cost nothing. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweeps = 0;

  constructor(private readonly limits: { burst: number; perSecond: number }) {}

  take(key: string, now = Date.now()): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.limits.burst, this.limits.perSecond, now)));
    if (++this.sweeps % 1000 === 0) for (const [k, b] of this.buckets) if (b !== bucket && b.full(now)) this.buckets.delete(k);
    return bucket.take(now);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}
