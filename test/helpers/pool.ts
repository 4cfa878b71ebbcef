// Runs thunks with at most `limit` in flight (Promise.all over a small pool):
// the runtime tests start many python3 processes and keep the machine usable.
export async function pool<T>(thunks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(thunks.length);
  let next = 0;
  const worker = async () => {
    while (next < thunks.length) {
      const i = next++;
      out[i] = await thunks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, thunks.length) }, worker));
  return out;
}
