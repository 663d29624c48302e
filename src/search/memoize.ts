/**
 * Caches a pure function of one string. Pages and queries reuse a small vocabulary, so stemming
 * and glossary lookups of the same word repeat thousands of times in a build; the cache is
 * cleared when it reaches `limit` entries so memory stays bounded. Results are shared: callers
 * must not mutate them.
 */
export function memoizeByString<R>(fn: (text: string) => R, limit = 50_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    if (cache.size >= limit) cache.clear();
    const result = fn(text);
    cache.set(text, result);
    return result;
  };
}
