import { chatPortContract } from '@zenslackchat/core/testing';
import { memoryHarnesses } from '../src/index.ts';

chatPortContract(
  'MemoryChat',
  { findMessage: true, downloads: true, fileUploads: true, messageUpdates: true },
  memoryHarnesses.chat,
);
