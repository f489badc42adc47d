import type { Response } from 'express';

/**
 * Cuts off a download whose client stopped reading: when bytes wait in the socket's buffer and
 * none has left for `timeoutMs`, the response is destroyed. The export's stream then ends, its
 * cursor is closed and its transaction rolled back, so the pooled connection comes free
 * (docs/decisions/0076). Returns a function that stops watching.
 */
export function guardStalledDownload(res: Response, timeoutMs: number, onStall?: () => void): () => void {
  if (!(timeoutMs > 0)) return () => {};
  const socket = res.socket;
  if (!socket) return () => {};
  let lastBytes = socket.bytesWritten;
  let lastProgress = Date.now();
  const timer = setInterval(
    () => {
      const bytes = socket.bytesWritten;
      if (bytes !== lastBytes || socket.writableLength === 0) {
        lastBytes = bytes;
        lastProgress = Date.now();
        return;
      }
      if (Date.now() - lastProgress >= timeoutMs) {
        clearInterval(timer);
        onStall?.();
        res.destroy(new Error('De client nam de download niet af (schrijf-timeout).'));
      }
    },
    Math.max(50, Math.min(1000, timeoutMs / 4)),
  );
  timer.unref();
  const stop = () => clearInterval(timer);
  res.once('close', stop);
  return stop;
}
