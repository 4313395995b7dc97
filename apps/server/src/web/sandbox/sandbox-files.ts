/** Where a sandbox file lives: a person's upload, a file the bot shared into a thread, a ticket attachment. */
export type SandboxFileSource = 'person' | 'shared' | 'ticket';

/** A sandbox file id: its source, then the adapter's own id (letters, digits, dashes). */
const FILE_ID = /^(person|shared|ticket)-([A-Za-z0-9][A-Za-z0-9-]{0,63})$/;

/** The id the file route serves a file under. */
export function sandboxFileId(source: SandboxFileSource, id: string): string {
  return `${source}-${id}`;
}

/** The source and adapter id of a sandbox file id, or undefined for anything else. */
export function parseSandboxFileId(
  id: string,
): { readonly source: SandboxFileSource; readonly id: string } | undefined {
  const match = FILE_ID.exec(id);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { source: match[1] as SandboxFileSource, id: match[2] };
}

/** Raster image types a browser shows without running anything (never SVG): previewed inline. */
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function isPreviewable(mimeType: string): boolean {
  return PREVIEWABLE.has(mimeType.toLowerCase());
}

/** A media type as RFC 6838 names them (`type/subtype`, restricted token characters), parameters dropped. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Why an upload is refused. */
export type UploadProblem = 'name' | 'type' | 'empty';

/**
 * The file name and media type of an upload as the sandbox keeps them, or why it is refused: the
 * name is its last path segment (some browsers send a whole path), 1-200 characters without
 * control characters; the type must be a well-formed media type (a browser that knows none sends
 * `application/octet-stream`); an empty file is refused.
 */
export function checkUpload(
  filename: string,
  mimeType: string,
  size: number,
): { readonly name: string; readonly mimeType: string } | { readonly problem: UploadProblem } {
  const name = (filename.split(/[\\/]/).pop() ?? '').trim();
  if (name === '' || name.length > 200 || hasControlCharacter(name) || name === '.' || name === '..') {
    return { problem: 'name' };
  }
  const type = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (!MEDIA_TYPE.test(type)) return { problem: 'type' };
  if (size === 0) return { problem: 'empty' };
  return { name, mimeType: type };
}

/** The type a file is served with: its own when well-formed, else a plain download. */
export function servedType(mimeType: string): string {
  const type = mimeType.toLowerCase();
  return MEDIA_TYPE.test(type) ? type : 'application/octet-stream';
}

/**
 * A `Content-Disposition` value: `inline` for previewable images, else `attachment` (so no served
 * file is ever rendered as a page), with an ASCII fallback name and the exact one per RFC 6266/5987.
 */
export function contentDisposition(name: string, mimeType: string): string {
  const kind = isPreviewable(mimeType) ? 'inline' : 'attachment';
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** A size as people read it: bytes, KB or MB (1024-based, one decimal below 10). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
