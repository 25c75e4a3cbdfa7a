import type { ButtonHTMLAttributes } from 'react';
import '@/components/ui/ui.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'default' | 'primary';
  size?: 'normal' | 'small';
}

/** A button that never submits a form by accident (type defaults to "button"). */
export function Button({ variant = 'default', size = 'normal', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['mdi-button', variant === 'primary' && 'mdi-button--primary', size === 'small' && 'mdi-button--small', className]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
