/** A few inline icons (decorative: the text beside them carries the meaning). */
type IconProps = { className?: string };

const base = "inline-block h-4 w-4 shrink-0";

export function AlertIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`${base} ${className}`}>
      <path d="M8.26 2.99a2 2 0 0 1 3.48 0l6.26 11.04A2 2 0 0 1 16.26 17H3.74A2 2 0 0 1 2 14.03L8.26 2.99ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1.1 1.1 0 1 0 0-2.2A1.1 1.1 0 0 0 10 15Z" />
    </svg>
  );
}

export function CheckIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`${base} ${className}`}>
      <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3-4 4a1 1 0 0 1-1.4 0l-2-2a1 1 0 1 1 1.4-1.4l1.3 1.29 3.3-3.3a1 1 0 0 1 1.4 1.42Z" />
    </svg>
  );
}

export function ClockIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`${base} ${className}`}>
      <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm1-12a1 1 0 1 0-2 0v4c0 .27.1.52.3.7l2.5 2.5a1 1 0 0 0 1.4-1.4L11 9.58V6Z" />
    </svg>
  );
}

export function XIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`${base} ${className}`}>
      <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM7.7 6.3a1 1 0 0 0-1.4 1.4L8.58 10l-2.3 2.3a1 1 0 1 0 1.42 1.4L10 11.42l2.3 2.3a1 1 0 0 0 1.4-1.42L11.42 10l2.3-2.3a1 1 0 0 0-1.42-1.4L10 8.58 7.7 6.3Z" />
    </svg>
  );
}

export function PauseIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`${base} ${className}`}>
      <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM8 7a1 1 0 0 0-1 1v4a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm4 0a1 1 0 0 0-1 1v4a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Z" />
    </svg>
  );
}

export function UndoIcon({ className = "" }: IconProps) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`${base} ${className}`}>
      <path d="M7.7 3.3a1 1 0 0 1 0 1.4L6.42 6H11a6 6 0 0 1 0 12H8a1 1 0 1 1 0-2h3a4 4 0 0 0 0-8H6.41l1.3 1.3A1 1 0 1 1 6.28 10.7l-3-3a1 1 0 0 1 0-1.4l3-3a1 1 0 0 1 1.42 0Z" />
    </svg>
  );
}
