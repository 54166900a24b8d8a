/** Connectors: remote file systems over SFTP/FTP(S), host-key pinning, exactly-once drops. */
export * from './connector-error';
export * from './connection-config';
export * from './remote-file-system';
export * from './classify-sftp-error';
export * from './classify-ftp-error';
export * from './host-key';
export * from './sftp-file-system';
export * from './ftp-file-system';
export * from './create-remote-file-system';
export * from './test-connection';
export * from './exactly-once-upload';
