/** Polls until a frame satisfies a condition: Ink renders asynchronously, more slowly under load. */
export async function waitFor(check: () => boolean, timeoutMs = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits long enough for Ink to attach its input handlers after a render. */
export const settleInk = () => new Promise((r) => setTimeout(r, 120));
