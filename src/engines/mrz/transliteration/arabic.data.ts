/**
 * Arabic letters to MRZ characters: ICAO Doc 9303 Part 3 (8th edition, 2021), section 6 C,
 * "Transliteration of Arabic script", plus veh and feh with 3 dots below from its Appendix B (letters
 * "commonly used for foreign names"). An empty value is a sign the table marks "not encoded" (vowel
 * marks, tatweel). Keys are escapes: most of these marks are invisible on their own.
 * Two entries need context and are handled in transliterate.ts: teh marbuta (section 6 C, note 2) and
 * shadda (note 3).
 */
export const arabic: Readonly<Record<string, string>> = {
  '\u0621': 'XE', // hamza
  '\u0622': 'XAA', // alef with madda above
  '\u0623': 'XAE', // alef with hamza above
  '\u0624': 'U', // waw with hamza above
  '\u0625': 'I', // alef with hamza below
  '\u0626': 'XI', // yeh with hamza above
  '\u0627': 'A', // alef
  '\u0628': 'B', // beh
  '\u062A': 'T', // teh
  '\u062B': 'XTH', // theh
  '\u062C': 'J', // jeem
  '\u062D': 'XH', // hah
  '\u062E': 'XKH', // khah
  '\u062F': 'D', // dal
  '\u0630': 'XDH', // thal
  '\u0631': 'R', // reh
  '\u0632': 'Z', // zain
  '\u0633': 'S', // seen
  '\u0634': 'XSH', // sheen
  '\u0635': 'XSS', // sad
  '\u0636': 'XDZ', // dad
  '\u0637': 'XTT', // tah
  '\u0638': 'XZZ', // zah
  '\u0639': 'E', // ain
  '\u063A': 'G', // ghain
  '\u0640': '', // tatwheel
  '\u0641': 'F', // feh
  '\u0642': 'Q', // qaf
  '\u0643': 'K', // kaf
  '\u0644': 'L', // lam
  '\u0645': 'M', // meem
  '\u0646': 'N', // noon
  '\u0647': 'H', // heh
  '\u0648': 'W', // waw
  '\u0649': 'XAY', // alef maksura
  '\u064A': 'Y', // yeh
  '\u064B': '', // fathatan
  '\u064C': '', // dammatan
  '\u064D': '', // kasratan
  '\u064E': '', // fatha
  '\u064F': '', // damma
  '\u0650': '', // kasra
  '\u0652': '', // sukun
  '\u0670': '', // superscript alef
  '\u0671': 'XXA', // alef wasla
  '\u0679': 'XXT', // tteh
  '\u067C': 'XRT', // teh with ring
  '\u067E': 'P', // peh
  '\u0681': 'XKE', // hah with hamza above
  '\u0685': 'XXH', // hah with 3 dots above
  '\u0686': 'XC', // tcheh
  '\u0688': 'XXD', // ddal
  '\u0689': 'XDR', // dal with ring
  '\u0691': 'XXR', // rreh
  '\u0693': 'XRR', // reh with ring
  '\u0696': 'XRX', // reh with dot below and dot above
  '\u0698': 'XJ', // jeh
  '\u069A': 'XXS', // seen with dot below and dot above
  '\u069C': '', // seen with 3 dots below and 3 dots above
  '\u06A2': '', // feh with dot moved below
  '\u06A7': '', // qaf with dot above
  '\u06A8': '', // qaf with 3 dots above
  '\u06A9': 'XKK', // keheh
  '\u06AB': 'XXK', // kaf with ring
  '\u06AD': 'XNG', // ng
  '\u06AF': 'XGG', // gaf
  '\u06BA': 'XNN', // noon ghunna
  '\u06BC': 'XXN', // noon with ring
  '\u06BE': 'XDO', // heh doachashmee
  '\u06C0': 'XYH', // heh with yeh above
  '\u06C1': 'XXG', // heh goal
  '\u06C2': 'XGE', // heh goal with hamza above
  '\u06C3': 'XTG', // teh marbuta goal
  '\u06CC': 'XYA', // farsi yeh
  '\u06CD': 'XXY', // yeh with tail
  '\u06D0': 'Y', // yeh
  '\u06D2': 'XYB', // yeh barree
  '\u06D3': 'XBE', // yeh barree with hamza above
  '\u06A4': 'V', // veh
  '\u06A5': 'XF', // feh with 3 dots below
};

/** Teh marbuta: XAH at the end of a name component, XTA elsewhere. */
export const tehMarbuta = { char: '\u0629', final: 'XAH', other: 'XTA' } as const;

/** Shadda doubles the letter it sits on: the Latin letters of that letter are written twice. */
export const shadda = '\u0651';
