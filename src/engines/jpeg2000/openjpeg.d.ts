/** The part of OpenJPEG's WebAssembly build (@cornerstonejs/codec-openjpeg, which ships no types) used here. */
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  interface J2KDecoder {
    getEncodedBuffer(length: number): Uint8Array;
    decode(): void;
    getDecodedBuffer(): Uint8Array;
    getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number };
    delete(): void;
  }
  export interface OpenJpegModule {
    J2KDecoder: new () => J2KDecoder;
  }
  const factory: (options: { print: () => void; printErr: () => void }) => Promise<OpenJpegModule>;
  export default factory;
}
