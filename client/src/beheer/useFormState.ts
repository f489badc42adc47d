import { useState } from 'react';
import type { FieldError } from './FormErrors.tsx';

/** A beheer form's fields (all text inputs) with its field errors and its general error. */
export function useFormState<F extends Record<string, string>>(initial: F) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const set = (key: keyof F, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const clearErrors = () => {
    setErrors([]);
    setGeneral(undefined);
  };
  return { form, setForm, set, errors, setErrors, general, setGeneral, clearErrors };
}
