/**
 * Date and time fields that read and write the French way (JJ/MM/AAAA, 24 h)
 * whatever the browser's own locale: the native date/time inputs follow the
 * system's language, so an English system shows 12/02/2026 and 08:55 AM.
 * The form keeps ISO values ('YYYY-MM-DD', 'HH:MM'); '' while the text is not a date.
 */
import { useEffect, useState } from 'react';
import { frenchDateToIso, frenchTimeToIso, isoDateToFrench } from '../features/sending/send-form';

interface FieldProps {
  value: string;
  onChange(value: string): void;
  label: string;
  placeholder: string;
  testId: string;
}

function TextDateTimeField({ value, onChange, label, placeholder, testId, toText, parse }: FieldProps & { toText(value: string): string; parse(text: string): string | null }) {
  const [text, setText] = useState(() => toText(value));
  // A value set from outside (the "next slot" button) replaces what is shown.
  useEffect(() => {
    if (parse(text) !== value) setText(toText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && parse(text) === null;
  return (
    <input
      type="text"
      className={invalid ? 'input date-text invalid' : 'input date-text'}
      inputMode="numeric"
      value={text}
      placeholder={placeholder}
      aria-label={label}
      aria-invalid={invalid}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value) ?? '');
      }}
      data-testid={testId}
    />
  );
}

export function FrenchDateInput(props: FieldProps) {
  return <TextDateTimeField {...props} toText={isoDateToFrench} parse={frenchDateToIso} />;
}

export function FrenchTimeInput(props: FieldProps) {
  return <TextDateTimeField {...props} toText={(value) => value} parse={frenchTimeToIso} />;
}
