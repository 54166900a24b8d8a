/** The columns offered when the user must pick the mobile one: recognised names first, file order kept. */
export function mobileColumnOptions(columns: string[], candidates: string[]): { name: string; recognised: boolean }[] {
  const recognised = new Set(candidates);
  return [
    ...columns.filter((name) => recognised.has(name)).map((name) => ({ name, recognised: true })),
    ...columns.filter((name) => !recognised.has(name)).map((name) => ({ name, recognised: false })),
  ];
}
