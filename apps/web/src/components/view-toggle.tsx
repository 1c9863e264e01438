// Two or more ways to show the same things (a list or a calendar, programs or shifts) as pressed
// buttons in one labelled group.
interface ViewToggleProps<V extends string> {
  /** Names the group for assistive technology. */
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
}

export function ViewToggle<V extends string>({ label, value, options, onChange }: ViewToggleProps<V>) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="button button--small button--secondary"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
