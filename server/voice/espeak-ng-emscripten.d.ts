// Types for the parts of @echogarden/espeak-ng-emscripten the hub uses (the package ships none).
declare module '@echogarden/espeak-ng-emscripten' {
  export interface ESpeakNGWorker {
    /** 0 on success; non-zero when eSpeak has no such voice. */
    set_voice(name: string): number;
    /** Words per minute (80 to 450; eSpeak's default is 175). */
    set_rate(wpm: number): number;
    get_samplerate(): number;
    /** Calls back with 16-bit mono chunks; returning true from the callback aborts synthesis. */
    synthesize(text: string, callback: (samples: Int16Array | null, events: unknown[]) => boolean): void;
    list_voices(): { name: string; identifier: string; languages: { priority: number; name: string }[] }[];
  }
  export interface ESpeakNGModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
  }
  export default function createESpeakNG(options?: {
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }): Promise<ESpeakNGModule>;
}
