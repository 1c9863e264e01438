// An address to copy: a read-only field with a Copy button, and a polite announcement of the
// outcome. Without clipboard access (permissions, older browsers) the text is selected for a
// manual copy instead.
import { type ReactNode, useId, useState } from 'react';

interface CopyFieldProps {
  label: ReactNode;
  value: string;
  texts: { copy: string; copied: string; copyManually: string };
  /** Said after "Copy" to screen readers when several such fields share a page. */
  copyContext?: string;
  id?: string;
}

export function CopyField({ label, value, texts, copyContext, id }: CopyFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const [said, setSaid] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setSaid(texts.copied);
    } catch {
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
      setSaid(texts.copyManually);
    }
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div className="copy-field">
        <input id={inputId} type="url" readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {texts.copy}
          {copyContext ? (
            <>
              {' '}
              <span className="visually-hidden">{copyContext}</span>
            </>
          ) : null}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
