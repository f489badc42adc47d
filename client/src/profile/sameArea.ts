import { useEffect, useState } from 'react';
import { apiUrl, getJson } from '../shared/api.ts';
import type { GebiedDetail } from '../shared/model.ts';

type Box = [number, number, number, number];

/** Intersection over union of two bounding boxes: 1 for the same box, 0 for disjoint ones. */
export function boxOverlap(a: Box, b: Box): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (x: Box) => (x[2] - x[0]) * (x[3] - x[1]);
  return inter / (area(a) + area(b) - inter);
}

/**
 * The vintages in which this code names (nearly) the same area, so its figures from those years
 * belong in one series. CBS reuses codes for redrawn areas (BU19160600 was all of De Heuvel in 2017,
 * only De Heuvel zuid from 2020): the boxes must overlap for 90% or more.
 */
export function useSameAreaVintages(area: GebiedDetail | undefined): Set<number> | undefined {
  const [same, setSame] = useState<Set<number>>();
  useEffect(() => {
    if (!area) return;
    const others = area.indelingen.filter((v) => v !== area.indeling);
    if (others.length === 0 || !area.bbox) {
      setSame(new Set([area.indeling]));
      return;
    }
    let live = true;
    Promise.all(
      others.map((v) =>
        getJson<GebiedDetail>(apiUrl(`/gebieden/${area.code}`, { indeling: v })).then(
          (other) =>
            other.bbox && area.bbox && boxOverlap(area.bbox as Box, other.bbox as Box) >= 0.9 ? v : null,
          () => null,
        ),
      ),
    ).then((vintages) => {
      if (live) setSame(new Set([area.indeling, ...vintages.filter((v): v is number => v !== null)]));
    });
    return () => {
      live = false;
    };
  }, [area]);
  return same;
}
