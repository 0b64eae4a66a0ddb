import { useState } from 'preact/hooks';

/** A secret shown once (a client secret, a generated password), with a button that copies it. */
export function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div class="secret" role="group" aria-label={label}>
      <p>
        <strong>{label}</strong> (shown only now; store it safely):
      </p>
      <code data-testid={testId}>{value}</code>{' '}
      <button type="button" onClick={copy}>
        Copy
      </button>
      <span role="status" class="muted">
        {copied === 'yes' ? ' Copied.' : copied === 'failed' ? ' Copying failed; select the text instead.' : ''}
      </span>
    </div>
  );
}
