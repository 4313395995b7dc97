import { tokenStoreContract } from '@zenslackchat/core/testing';
import { memoryHarnesses } from '../src/index.ts';

tokenStoreContract('MemoryTokenStore', memoryHarnesses.tokenStore);
