/**
 * Grapheme cluster boundaries, only for the rare messages that need them
 * (emoji sequences, combining accents…) and only where a segment would end:
 * one ICU lookup per cut instead of a walk over the whole message.
 */

let segmenter: Intl.Segmenter | undefined;

/** The clusters of one message, to ask {@link clusterStartAtOrBefore} several times. */
export function graphemeClusters(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/**
 * Where a segment that would end at `index` must end instead so it does not
 * cut a grapheme cluster: the start of the cluster containing `index`
 * (`index` itself when a cluster starts there). Two exceptions keep `index`:
 * CR LF (two characters on the air, cutting between them is harmless, and the
 * reference calculator also counts them as two) and a cluster longer than
 * `longestWholeCluster` (dozens of stacked marks cannot fit in any segment, so
 * the caller cuts it between code points).
 */
export function clusterStartAtOrBefore(clusters: Intl.Segments, index: number, longestWholeCluster: number): number {
  const cluster = clusters.containing(index);
  if (!cluster || cluster.index === index || cluster.segment === '\r\n') return index;
  if (cluster.segment.length > longestWholeCluster) return index;
  return cluster.index;
}
