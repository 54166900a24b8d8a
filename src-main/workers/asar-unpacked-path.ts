/**
 * Worker threads cannot load their entry (nor what it imports) from inside an
 * asar archive, so the packaged app keeps the worker files unpacked beside it
 * (`app.asar.unpacked`, electron-builder's `asarUnpack`). This maps a path the
 * bundle computed inside the archive to the same file in the unpacked folder;
 * any other path (development build, tests) is returned unchanged.
 */
const archiveSegment = /(^|[\\/])([^\\/]+\.asar)(?=[\\/])/;

export function asarUnpackedPath(path: string): string {
  return path.replace(archiveSegment, '$1$2.unpacked');
}
