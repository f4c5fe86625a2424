import { importRefused, ImportErrorCode } from './errors';

/**
 * Decodes a byte stream as UTF-8, chunk by chunk (a character split between two chunks is kept
 * whole). Bytes that are not UTF-8 (a GBK export, say) refuse the file: guessing would store
 * garbled names.
 */
export async function* decodeUtf8(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bytes = 0;
  try {
    for await (const chunk of source) {
      if (typeof chunk === 'string') {
        if (chunk.length > 0) yield chunk;
        continue;
      }
      const text = decoder.decode(chunk, { stream: true });
      bytes += chunk.length;
      if (text.length > 0) yield text;
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield tail;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw importRefused(ImportErrorCode.INVALID_ENCODING, `the file is not UTF-8 text (near byte ${bytes.toLocaleString('en-US')}); save it as UTF-8 (CSV UTF-8 in spreadsheet programs)`);
    }
    throw error;
  }
}
