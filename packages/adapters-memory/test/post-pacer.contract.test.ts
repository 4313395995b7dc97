import { postPacerContract } from '@zenslackchat/core/testing';
import { MemoryPostPacer } from '../src/index.ts';

postPacerContract('MemoryPostPacer', () => {
  const pacer = new MemoryPostPacer();
  return { pacer };
});
