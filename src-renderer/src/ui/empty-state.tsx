/** What a screen shows before there is anything to list, with a hint of what to do. */
export function EmptyState({ testId, title, hint }: { testId: string; title: string; hint: string }) {
  return (
    <div className="card empty-state" data-testid={testId}>
      <p className="empty-title">{title}</p>
      <p className="muted">{hint}</p>
    </div>
  );
}
