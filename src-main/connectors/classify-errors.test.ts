import { describe, expect, it } from 'vitest';
import { classifySftpError, type RemoteOperation } from './classify-sftp-error';
import { classifyFtpError } from './classify-ftp-error';

const at = (operation: RemoteOperation) => ({ host: 'sftp.example.test', port: 22, operation, path: '/Campagnes/SMS/x.csv' });
const status = (code: number, message = '') => Object.assign(new Error(message), { code });
const system = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:22`), { code });
const reply = (code: number, message: string) => Object.assign(new Error(`${code} ${message}`), { code });

describe('classifySftpError', () => {
  it.each([
    ['ECONNREFUSED', 'network'],
    ['ETIMEDOUT', 'network'],
    ['ECONNRESET', 'network'],
    ['EHOSTUNREACH', 'network'],
    ['ENOTFOUND', 'network'],
  ])('%s is %s', (code, kind) => {
    expect(classifySftpError(system(code), at('connect')).kind).toBe(kind);
  });

  it('reads ssh2 levels: authentication, timeout', () => {
    expect(classifySftpError(Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }), at('connect')).kind).toBe('auth');
    expect(classifySftpError(Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' }), at('connect')).kind).toBe('network');
  });

  it('a connection dropped mid-request is network', () => {
    expect(classifySftpError(new Error('No response from server'), at('upload')).kind).toBe('network');
    expect(classifySftpError(status(7), at('upload')).kind).toBe('network');
  });

  it('FAILURE means a full disk while writing, a refused name while renaming', () => {
    expect(classifySftpError(status(4, 'Failure'), at('upload')).kind).toBe('server-full');
    expect(classifySftpError(status(4, 'Failure'), at('rename')).kind).toBe('name-refused');
    expect(classifySftpError(status(4, 'Disk quota exceeded'), at('rename')).kind).toBe('server-full');
  });

  it('PERMISSION_DENIED on the final name is name-refused; NO_SUCH_FILE on a folder is folder-missing', () => {
    expect(classifySftpError(status(3, 'Permission denied'), at('rename')).kind).toBe('name-refused');
    expect(classifySftpError(status(3, 'Permission denied'), at('upload')).kind).toBe('name-refused');
    expect(classifySftpError(status(2, 'No such file'), at('list')).kind).toBe('folder-missing');
    expect(classifySftpError(status(8, 'Operation unsupported'), at('rename')).kind).toBe('remote-refused');
  });

  it('keeps the technical detail and the path for the message', () => {
    const error = classifySftpError(system('ECONNREFUSED'), at('connect'));
    expect(error.params).toMatchObject({ host: 'sftp.example.test', port: 22, detail: expect.stringContaining('ECONNREFUSED') });
    expect(error.message).toContain('sftp.example.test');
    expect(error.transient).toBe(true);
  });
});

describe('classifyFtpError', () => {
  it.each([
    [530, 'Login incorrect.', 'connect', 'auth'],
    [552, 'Exceeded storage allocation', 'upload', 'server-full'],
    [452, 'Insufficient storage space', 'upload', 'server-full'],
    [451, 'Failure writing to local file: no space left on device', 'upload', 'server-full'],
    [553, 'Could not create file.', 'upload', 'name-refused'],
    [550, 'Permission denied', 'rename', 'name-refused'],
    [550, 'Failed to change directory.', 'list', 'folder-missing'],
    [451, 'ENOENT: no such file or directory', 'list', 'folder-missing'],
    [421, 'Timeout.', 'upload', 'network'],
    [426, 'Connection closed; transfer aborted.', 'upload', 'network'],
    [500, 'Unknown command', 'rename', 'remote-refused'],
  ] as const)('%i %s during %s is %s', (code, message, operation, kind) => {
    expect(classifyFtpError(reply(code, message), at(operation)).kind).toBe(kind);
  });

  it('TLS problems are tls-failed', () => {
    expect(classifyFtpError(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), at('connect'), true).kind).toBe('tls-failed');
    expect(classifyFtpError(reply(502, 'AUTH not supported'), at('connect'), true).kind).toBe('tls-failed');
  });

  it('socket-level failures are network', () => {
    expect(classifyFtpError(system('ECONNRESET'), at('upload')).kind).toBe('network');
    expect(classifyFtpError(new Error('Timeout (control socket)'), at('list')).kind).toBe('network');
    expect(classifyFtpError(new Error('Server sent FIN packet unexpectedly, closing connection.'), at('upload')).kind).toBe('network');
  });
});
