import sharp from 'sharp';
import type { Identity } from './identity.js';
import type { Depiction } from '../core/domain.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A stylised face, different per seed, so that selfie and portrait images look like what they are. */
function faceSvg(seed: number, x: number, y: number, size: number): string {
  const skin = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac'][seed % 5];
  const hair = ['#2c1b0e', '#6a4e23', '#b5651d', '#1b1b1b', '#d8b26e'][(seed >> 3) % 5];
  const r = size / 2;
  return `<g transform="translate(${x},${y})">
    <ellipse cx="${r}" cy="${r * 0.55}" rx="${r * 0.62}" ry="${r * 0.45}" fill="${hair}"/>
    <ellipse cx="${r}" cy="${r * 0.8}" rx="${r * 0.5}" ry="${r * 0.62}" fill="${skin}"/>
    <circle cx="${r * 0.8}" cy="${r * 0.72}" r="${r * 0.06}" fill="#222"/>
    <circle cx="${r * 1.2}" cy="${r * 0.72}" r="${r * 0.06}" fill="#222"/>
    <path d="M ${r * 0.8} ${r * 1.05} Q ${r} ${r * 1.18} ${r * 1.2} ${r * 1.05}" stroke="#6b2c2c" stroke-width="${r * 0.04}" fill="none"/>
    <rect x="${r * 0.35}" y="${r * 1.35}" width="${r * 1.3}" height="${r * 0.65}" rx="${r * 0.3}" fill="#35507a"/>
  </g>`;
}

function documentSvg(side: 'front' | 'back', identity: Identity, seed: number): string {
  const line = (label: string, value: string | undefined, y: number) =>
    `<text x="330" y="${y}" font-family="DejaVu Sans" font-size="16" fill="#556">${escape(label)}</text>
     <text x="330" y="${y + 24}" font-family="DejaVu Sans" font-weight="bold" font-size="22" fill="#112">${escape(value ?? '-')}</text>`;
  const front = `${faceSvg(seed, 40, 120, 260)}
    ${line('Surname', identity.lastName, 120)}
    ${line('Given names', identity.firstName, 180)}
    ${line('Date of birth', identity.dateOfBirth, 240)}
    ${line('Nationality', identity.nationality, 300)}
    ${line('Document no.', identity.documentNumber, 360)}
    ${line('Date of expiry', identity.dateOfExpiry, 420)}`;
  const back = `<rect x="0" y="470" width="1000" height="160" fill="#fff" opacity="0.85"/>
    <text x="40" y="540" font-family="DejaVu Sans Mono" font-size="30" fill="#111">${escape(`I<UTO${identity.documentNumber ?? 'SPECIMEN'}`.padEnd(30, '<').slice(0, 30))}</text>
    <text x="40" y="590" font-family="DejaVu Sans Mono" font-size="30" fill="#111">${escape(`${(identity.lastName ?? 'SPECIMEN').toUpperCase().replace(/\s+/g, '<')}<<${(identity.firstName ?? '').toUpperCase().replace(/\s+/g, '<')}`.padEnd(30, '<').slice(0, 30))}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="630">
    <rect width="1000" height="630" rx="36" fill="#dfe9f3"/>
    <rect x="0" y="0" width="1000" height="90" rx="36" fill="#2f5d8a"/>
    <text x="40" y="58" font-family="DejaVu Sans" font-weight="bold" font-size="34" fill="#fff">OPENASSURE SANDBOX - IDENTITY CARD</text>
    <text x="600" y="560" font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="#c0392b" opacity="0.25" transform="rotate(-20 600 560)">SPECIMEN</text>
    ${side === 'front' ? front : back}
  </svg>`;
}

function selfieSvg(seed: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="640">
    <rect width="480" height="640" fill="#cfd8dc"/>
    ${faceSvg(seed, 40, 120, 400)}
    <text x="240" y="620" text-anchor="middle" font-family="DejaVu Sans" font-size="18" fill="#455">sandbox selfie</text>
  </svg>`;
}

/** A synthetic JPEG for a depiction, drawn from the scenario's identity; the same inputs give the same image. */
export async function sandboxImage(depiction: Depiction, identity: Identity, seedText: string): Promise<Buffer> {
  const seed = [...seedText].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7);
  const svg = depiction === 'front' || depiction === 'back' ? documentSvg(depiction, identity, seed) : selfieSvg(seed);
  const image = sharp(Buffer.from(svg));
  const sized = depiction === 'portrait' ? image.resize(300, 400) : image;
  return sized.jpeg({ quality: 85 }).toBuffer();
}
