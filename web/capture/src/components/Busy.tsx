/** A spinner with its words, announced politely; the spinner stands still when reduced motion is asked for. */
export function Busy({ label }: { label: string }) {
  return (
    <div class="busy" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
