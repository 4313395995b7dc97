import { issueRepoContract } from '@zenslackchat/core/testing';
import { memoryHarnesses } from '../src/index.ts';

issueRepoContract('MemoryIssueRepo', memoryHarnesses.issueRepo);
