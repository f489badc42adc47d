/**
 * Fill patterns for areas without a colour: "geen gegevens" is a light diagonal hatch, "geheim / te
 * klein" a denser cross-hatch. They differ in shape, so they are told apart without colour vision
 * and in black-and-white print.
 */
export type PatternName = 'patroon-geen' | 'patroon-geheim';

export function patternImage(name: PatternName, size = 16): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d')!;
  g.fillStyle = name === 'patroon-geen' ? '#f4f4f4' : '#e4e4e4';
  g.fillRect(0, 0, size, size);
  g.strokeStyle = name === 'patroon-geen' ? '#8a8a8a' : '#4d4d4d';
  g.lineWidth = name === 'patroon-geen' ? 1.5 : 1.75;
  g.lineCap = 'square';
  const diagonal = (flip: boolean) => {
    // Three strokes per tile so the lines continue seamlessly across tile edges.
    for (const offset of [-size, 0, size]) {
      g.beginPath();
      if (flip) {
        g.moveTo(offset, 0);
        g.lineTo(offset + size, size);
      } else {
        g.moveTo(offset, size);
        g.lineTo(offset + size, 0);
      }
      g.stroke();
    }
  };
  diagonal(false);
  if (name === 'patroon-geheim') diagonal(true);
  return g.getImageData(0, 0, size, size);
}

/** The same patterns as CSS backgrounds, for legend swatches and table cells. */
export const PATTERN_CSS: Record<PatternName, string> = {
  'patroon-geen': 'repeating-linear-gradient(-45deg, #8a8a8a 0 1.5px, #f4f4f4 1.5px 6px)',
  'patroon-geheim':
    'repeating-linear-gradient(45deg, #4d4d4d 0 1.5px, transparent 1.5px 6px), repeating-linear-gradient(-45deg, #4d4d4d 0 1.5px, #e4e4e4 1.5px 6px)',
};
