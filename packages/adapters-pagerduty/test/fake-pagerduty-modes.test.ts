import { afterEach, describe, expect, it } from 'vitest';
import { FakePagerDuty, type FakePagerDutyMode } from '../src/fake/index.ts';

let fake: FakePagerDuty | undefined;
afterEach(() => fake?.close());

const oncalls = async (mode: FakePagerDutyMode, query: string) => {
  fake = await FakePagerDuty.start({ mode });
  fake.setOnCall('PPOL', { primary: ['Ann Ames', 'Cy Doe'], secondary: ['Bo Bell'] });
  const res = await fetch(`${fake.apiUrl}/oncalls?escalation_policy_ids[]=PPOL&${query}`, {
    headers: { authorization: `Token token=${fake.apiToken}` },
  });
  return (await res.json()) as { oncalls: Record<string, unknown>[]; [key: string]: unknown };
};

describe('FakePagerDuty /oncalls in full and minimal modes', () => {
  it('full: the documented entry shape, offset pagination, total null unless asked', async () => {
    const page = await oncalls('full', 'limit=2');
    expect(page).toMatchObject({ limit: 2, offset: 0, more: true, total: null });
    expect(Object.keys(page.oncalls[0] ?? {}).sort()).toEqual(
      ['end', 'escalation_level', 'escalation_policy', 'schedule', 'start', 'user'].sort(),
    );
    expect(page.oncalls[0]?.user).toMatchObject({ type: 'user_reference', summary: 'Ann Ames' });
    await fake?.close();
    expect((await oncalls('full', 'total=true')).total).toBe(3);
  });

  it('minimal: references are id and type only, no schedule, start or end; the level stays', async () => {
    const page = await oncalls('minimal', '');
    expect(page.oncalls[0]).toEqual({
      user: { id: expect.any(String), type: 'user_reference' },
      escalation_policy: { id: 'PPOL', type: 'escalation_policy_reference' },
      escalation_level: 1,
    });
  });

  it('include[]=users expands the user to a User object with its required name, email and type', async () => {
    const page = await oncalls('minimal', 'include[]=users');
    expect(page.oncalls.map((e) => e.user)).toEqual([
      { id: expect.any(String), type: 'user', name: 'Ann Ames', email: 'ann.ames@example.com' },
      { id: expect.any(String), type: 'user', name: 'Cy Doe', email: 'cy.doe@example.com' },
      { id: expect.any(String), type: 'user', name: 'Bo Bell', email: 'bo.bell@example.com' },
    ]);
  });
});
