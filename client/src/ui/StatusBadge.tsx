import { STATUS_STYLES, type Status } from '../shared/status.ts';

/** A status in words, with its colour and shape beside them: the words alone carry the meaning. */
export function StatusBadge({ status }: { status: Status }) {
  const style = STATUS_STYLES[status];
  return (
    <span className={`status status--${status}`}>
      <span className="status__icon" style={{ backgroundColor: style.colour }} aria-hidden="true">
        {style.icon}
      </span>
      {style.label}
    </span>
  );
}
