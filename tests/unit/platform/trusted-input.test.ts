// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { onlyTrusted } from '@/utils/platform/trusted-input';

describe('overlay listeners take a person’s input only', () => {
  it('ignores an event the page dispatched', () => {
    const listener = vi.fn();
    const target = document.createElement('button');
    target.addEventListener('click', onlyTrusted(listener));
    target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    target.click();
    expect(listener).not.toHaveBeenCalled();
  });

  it('runs for input the browser produced', () => {
    const listener = vi.fn();
    const event = { isTrusted: true, type: 'keydown' };
    onlyTrusted(listener)(event);
    expect(listener).toHaveBeenCalledWith(event);
  });
});
