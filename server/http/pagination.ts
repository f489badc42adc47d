import type { Request } from 'express';

export interface Page {
  pagina: number;
  paginaGrootte: number;
  offset: number;
}

export const DEFAULT_PAGE_SIZE = 100;

export function pageOf(query: { pagina?: number | undefined; paginaGrootte?: number | undefined }): Page {
  const pagina = query.pagina ?? 1;
  const paginaGrootte = query.paginaGrootte ?? DEFAULT_PAGE_SIZE;
  return { pagina, paginaGrootte, offset: (pagina - 1) * paginaGrootte };
}

/**
 * Paging metadata and HAL links (API Design Rules: links to self, first, prev, next, last),
 * keeping every other query parameter of the request as it was.
 */
export function pageEnvelope(req: Request, page: Page, total: number) {
  const aantalPaginas = Math.max(1, Math.ceil(total / page.paginaGrootte));
  const href = (pagina: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query)) {
      if (key !== 'pagina' && typeof value === 'string') params.set(key, value);
    }
    params.set('pagina', String(pagina));
    return { href: `${req.baseUrl}${req.path}?${params.toString()}` };
  };
  return {
    paginering: { pagina: page.pagina, paginaGrootte: page.paginaGrootte, totaal: total, aantalPaginas },
    _links: {
      self: href(page.pagina),
      first: href(1),
      last: href(aantalPaginas),
      ...(page.pagina > 1 ? { prev: href(Math.min(page.pagina - 1, aantalPaginas)) } : {}),
      ...(page.pagina < aantalPaginas ? { next: href(page.pagina + 1) } : {}),
    },
  };
}
