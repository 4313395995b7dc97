import { blackBoxProject } from './black-box-project.ts';

// The end-to-end files, two at a time with the unit and integration projects.
export default blackBoxProject({ name: 'acceptance', include: ['e2e/**/*.test.ts'] });
