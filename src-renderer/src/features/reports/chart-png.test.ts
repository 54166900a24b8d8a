import { describe, expect, it } from 'vitest';
import { chartFileName } from './chart-png';

describe('chartFileName', () => {
  it('makes a plain file name from French titles', () => {
    expect(chartFileName('Soldes d’hiver', 'Répartition par catégorie')).toBe('soldes-d-hiver-repartition-par-categorie.png');
    expect(chartFileName('')).toBe('graphique.png');
  });
});
