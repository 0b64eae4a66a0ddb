import type { ScreenItem } from '../api/types';

/** Only pictures the page's CSP allows (data: URLs and our own origin); anything else is left out. */
function allowedImage(src: string | undefined): string | null {
  if (!src) return null;
  if (src.startsWith('data:image/')) return src;
  try {
    return new URL(src, location.href).origin === location.origin ? src : null;
  } catch {
    return null;
  }
}

/** The title-and-description lists of the prerequisites and instructions screens. */
export function Items({ items }: { items: ScreenItem[] }) {
  return (
    <ul class="items">
      {items.map((item, index) => {
        const image = allowedImage(item.image);
        return (
          <li key={index}>
            {image && <img src={image} alt="" class="item-image" />}
            <strong>{item.title}</strong>
            {item.description && <span>{item.description}</span>}
          </li>
        );
      })}
    </ul>
  );
}
