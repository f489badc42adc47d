import { useEffect, useState } from 'react';

/**
 * Keyboard focus for controls that replace each other (a button that becomes "Ja, …" and
 * "Annuleren", a row that becomes a message): `focusAfterRender(id)` moves focus to the element
 * with that id once React has drawn it, so focus never falls back to <body>.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [pending, setPending] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!pending) return;
    document.getElementById(pending.id)?.focus();
    setPending(null);
  }, [pending]);
  return (id: string) => setPending({ id });
}
