import { onCallPortContract } from '@zenslackchat/core/testing';
import { memoryHarnesses } from '../src/index.ts';

onCallPortContract('MemoryOnCall', memoryHarnesses.onCall);
