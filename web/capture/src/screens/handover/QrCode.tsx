import { useEffect, useState } from 'preact/hooks';

/**
 * The server's QR code, shown as a picture from a blob: URL. An <img> never runs what an SVG holds, so the
 * markup is not trusted with the page (no innerHTML).
 */
export function QrCode({ svg, label }: { svg: string; label: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [svg]);
  return url ? <img class="qr" src={url} alt={label} data-testid="handover-qr" width={220} height={220} /> : null;
}
