import { blackBoxProject } from './black-box-project.ts';

// The reliability files kill processes, hold leases and load the machine on purpose: they run one
// at a time, after every other project has finished (group 1), so their waits measure the bot and
// not a neighbour's load.
export default blackBoxProject({
  name: 'chaos',
  include: ['chaos/**/*.test.ts'],
  maxWorkers: 1,
  sequence: { groupOrder: 1 },
});
