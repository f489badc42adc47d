import { type ReactNode, useEffect, useRef } from 'react';

export interface FieldError {
  /** The id of the field the message is about; the summary links to it. */
  fieldId: string;
  message: string;
}

/**
 * GOV.UK-style error summary: a focused alert at the top listing every problem, each a link that
 * moves focus to its field. Screen readers hear it at once; keyboard users jump straight to a field.
 */
export function ErrorSummary({
  errors,
  title = 'Er is iets niet goed',
  general,
}: {
  errors: FieldError[];
  title?: string;
  general?: string | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.fieldId + e.message).join('|') + (general ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever the set of errors changes
  useEffect(() => {
    if (errors.length > 0 || general) ref.current?.focus();
  }, [key]);
  if (errors.length === 0 && !general) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="foutsamenvatting-titel"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="foutsamenvatting-titel" className="error-summary__title">
        {title}
      </h2>
      {general && <p>{general}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((error) => (
            <li key={error.fieldId + error.message}>
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId)?.focus();
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A labelled field with its hint and error, wired with aria-describedby and aria-invalid. */
export function Field({
  id,
  label,
  hint,
  error,
  wide = false,
  children,
}: {
  id: string;
  /** Spans the whole row of a grid form (long selects, free text). */
  wide?: boolean;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-fout` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${wide ? ' form-field--wide' : ''}${error ? ' form-field--error' : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-fout`} className="form-field__error">
          <span className="visually-hidden">Fout: </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
    </div>
  );
}

/** Maps the API's invalidParams (by field name) onto the form's field ids. */
export function fieldErrorsFrom(
  params: Array<{ name: string; reason: string }>,
  fieldIds: Record<string, string>,
  fallbackId: string,
): FieldError[] {
  return params.map((param) => ({ fieldId: fieldIds[param.name] ?? fallbackId, message: param.reason }));
}
