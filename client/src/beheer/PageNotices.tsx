/** What a beheer page says after an action (read out by screen readers), and why its data failed to load. */
export interface PageMessage {
  kind: 'ok' | 'fout';
  text: string;
}

export function PageNotices({
  message,
  error,
}: {
  message: PageMessage | undefined;
  error: string | undefined;
}) {
  return (
    <>
      <div aria-live="polite">
        {message && (
          <p className={message.kind === 'ok' ? 'notice' : 'notice notice--error'}>{message.text}</p>
        )}
      </div>
      {error && <p className="notice notice--error">{error}</p>}
    </>
  );
}
