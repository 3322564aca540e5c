import type { CSSProperties } from 'react';

/**
 * A labelled field for a password, client secret or token. Never autocompleted, never shown; the value lives only
 * in the form's state until it is stored for its endpoint.
 */
export function SecretField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  /** Tokens and generated secrets read better in a monospaced font. */
  mono?: boolean;
  style?: CSSProperties;
}) {
  return (
    <label className="field" style={props.style}>
      <span>{props.label}</span>
      <input
        className={props.mono ? 'input mono' : 'input'}
        type="password"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...(props.testId ? { 'data-testid': props.testId } : {})}
      />
    </label>
  );
}
