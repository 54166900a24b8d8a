import { describe, expect, it } from 'vitest';
import { decideUpdateAction, isQueueUploading, updateStatusOf } from './update-decision';

const idleQueue = { uploading: false };
const uploadingQueue = { uploading: true };

describe('decideUpdateAction', () => {
  it('does nothing while no update is downloaded, whatever the user or the queue', () => {
    expect(decideUpdateAction({ downloaded: null, accepted: false }, idleQueue)).toBe('none');
    expect(decideUpdateAction({ downloaded: null, accepted: true }, uploadingQueue)).toBe('none');
  });

  it('offers a downloaded update and never installs it unasked', () => {
    expect(decideUpdateAction({ downloaded: '0.2.0', accepted: false }, idleQueue)).toBe('offer');
    expect(decideUpdateAction({ downloaded: '0.2.0', accepted: false }, uploadingQueue)).toBe('offer');
  });

  it('waits for the upload to end when the user accepts during a drop', () => {
    expect(decideUpdateAction({ downloaded: '0.2.0', accepted: true }, uploadingQueue)).toBe('wait-for-queue');
  });

  it('installs once accepted and nothing is uploading', () => {
    expect(decideUpdateAction({ downloaded: '0.2.0', accepted: true }, idleQueue)).toBe('install');
  });
});

describe('updateStatusOf', () => {
  it('words each action as the status the window shows', () => {
    expect(updateStatusOf({ downloaded: null, accepted: false }, idleQueue)).toEqual({ state: 'idle' });
    expect(updateStatusOf({ downloaded: '0.2.0', accepted: false }, idleQueue)).toEqual({ state: 'ready', version: '0.2.0' });
    expect(updateStatusOf({ downloaded: '0.2.0', accepted: true }, uploadingQueue)).toEqual({ state: 'waiting-for-queue', version: '0.2.0' });
    expect(updateStatusOf({ downloaded: '0.2.0', accepted: true }, idleQueue)).toEqual({ state: 'installing', version: '0.2.0' });
  });
});

describe('isQueueUploading', () => {
  it('is true only when a job is uploading (waiting and awaiting-ack jobs do not hold an update back)', () => {
    expect(isQueueUploading([])).toBe(false);
    expect(isQueueUploading(['queued', 'waiting', 'awaiting-ack', 'accepted', 'held'])).toBe(false);
    expect(isQueueUploading(['accepted', 'uploading'])).toBe(true);
  });
});
