import { describe, expect, it } from 'vitest';
import { formInput } from '@/lib/actions/action';

describe('formInput', () => {
  it('turns repeated names into arrays and drops files and Next action ids', () => {
    const form = new FormData();
    form.append('title', 'A');
    form.append('tag', 'x');
    form.append('tag', 'y');
    form.append('file', new Blob(['z']));
    form.append('$ACTION_ID_abc', '');
    expect(formInput(form)).toEqual({ title: 'A', tag: ['x', 'y'] });
  });

  it('passes anything that is not a form through for the schema to refuse', () => {
    expect(formInput([1, 2])).toEqual([1, 2]);
    expect(formInput('garbage')).toBe('garbage');
  });
});
