import type { ReactNode } from 'react';

/** How the phone pages' tiny router moves: push the path, no reload. */
export type Navigate = (to: string) => void;

/** A link the phone's tiny router follows without reloading the page (a real href, so it also opens in a new tab). */
export function Go({
  to,
  navigate,
  className,
  children,
  testId,
}: {
  to: string;
  navigate: Navigate;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <a
      href={to}
      className={className}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
