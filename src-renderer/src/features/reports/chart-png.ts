/**
 * A chart as PNG without any network: the recharts SVG is serialised, drawn
 * on a canvas (white background, 2× for sharp text) and read back as PNG
 * bytes, which main saves through the save dialog.
 */
export async function svgToPngBytes(svg: SVGSVGElement, title: string, scale = 2): Promise<Uint8Array> {
  const { width, height } = svg.getBoundingClientRect();
  const titleHeight = 28;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const markup = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await new Promise<HTMLImageElement>((resolve, reject) => {
      const element = new Image();
      element.onload = () => resolve(element);
      element.onerror = () => reject(new Error('chart image could not be drawn'));
      element.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + titleHeight) * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height + titleHeight);
    context.fillStyle = '#1f2430';
    context.font = '600 14px system-ui, sans-serif';
    context.fillText(title, 8, 19);
    context.drawImage(image, 0, titleHeight, width, height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((result) => (result ? resolve(result) : reject(new Error('PNG encoding failed'))), 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** 'Répartition par catégorie' + 'Soldes' → 'soldes-repartition-par-categorie.png'. */
export function chartFileName(...parts: string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'graphique'}.png`;
}
