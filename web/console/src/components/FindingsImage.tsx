import { useState } from 'preact/hooks';
import type { Box, ProcessImage } from '../api/types';

type Layer = 'mrz' | 'faces' | 'glare' | 'fields';

const LAYERS: { layer: Layer; label: string }[] = [
  { layer: 'mrz', label: 'MRZ' },
  { layer: 'faces', label: 'Faces' },
  { layer: 'glare', label: 'Glare' },
  { layer: 'fields', label: 'Fields read' },
];

function Rect({ box, kind, label }: { box: Box; kind: Layer | 'mrz-line'; label: string }) {
  const [x, y, width, height] = box;
  return (
    <rect class={`finding finding-${kind}`} x={x} y={y} width={width} height={height} data-testid={`overlay-${kind}`}>
      <title>{label}</title>
    </rect>
  );
}

/**
 * One image with what the engines found drawn over it. The picture and the boxes share one SVG whose viewBox is
 * the image's own pixels, so the boxes (in image pixels) stay on their spot at any displayed size. Each kind of
 * finding can be switched off to see what it covers; what the boxes say is also listed as text.
 */
export function FindingsImage({ image }: { image: ProcessImage }) {
  const [hidden, setHidden] = useState<Set<Layer>>(new Set());
  const { findings, width, height } = image;
  const present = LAYERS.filter(({ layer }) => {
    const value = findings[layer];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
  const shown = (layer: Layer) => !hidden.has(layer);
  const toggle = (layer: Layer) => {
    const next = new Set(hidden);
    if (next.has(layer)) next.delete(layer);
    else next.add(layer);
    setHidden(next);
  };
  // MRZ lines are evenly spaced within the band, so each line's own box is a slice of it.
  const mrzLines = findings.mrz?.lines ?? [];
  const mrzBox = findings.mrz?.box;
  const lineBoxes: Box[] = mrzBox
    ? mrzLines.map((_, index) => {
        const lineHeight = mrzBox[3] / mrzLines.length;
        return [mrzBox[0], mrzBox[1] + index * lineHeight, mrzBox[2], lineHeight];
      })
    : [];
  const titleId = `image-${image.depiction}`;

  return (
    <figure class="finding-image" data-testid={`image-${image.depiction}`}>
      {width === null || height === null ? (
        <img src={image.url} alt={`${image.depiction} image`} class="finding-svg" />
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} class="finding-svg">
          <title id={titleId}>{`${image.depiction} image with the engines' findings`}</title>
          <image href={image.url} x="0" y="0" width={width} height={height} />
          {mrzBox && shown('mrz') && (
            <g>
              <Rect box={mrzBox} kind="mrz" label="MRZ band" />
              {lineBoxes.map((box, index) => (
                <Rect key={index} box={box} kind="mrz-line" label={mrzLines[index] ?? ''} />
              ))}
            </g>
          )}
          {shown('faces') &&
            findings.faces?.map((box, index) => <Rect key={index} box={box} kind="faces" label="Face" />)}
          {shown('glare') &&
            findings.glare?.map((box, index) => <Rect key={index} box={box} kind="glare" label="Glare" />)}
          {shown('fields') &&
            findings.fields?.map((field) => (
              <Rect key={field.name} box={field.box} kind="fields" label={`${field.name}: ${field.value}`} />
            ))}
        </svg>
      )}
      <figcaption>
        <strong>{image.depiction}</strong>
        {width !== null && height !== null && ` (${width} × ${height})`}
        {present.length > 0 && width !== null && (
          <fieldset class="layers">
            <legend>Show</legend>
            {present.map(({ layer, label }) => (
              <label key={layer} class={`layer layer-${layer}`}>
                <input type="checkbox" checked={shown(layer)} onChange={() => toggle(layer)} /> {label}
              </label>
            ))}
          </fieldset>
        )}
        {mrzLines.length > 0 && (
          <pre class="mrz" data-testid="mrz-lines" tabIndex={0}>
            {mrzLines.join('\n')}
          </pre>
        )}
        {(findings.fields?.length ?? 0) > 0 && (
          <dl class="fields">
            {findings.fields?.map((field) => (
              <div key={field.name}>
                <dt>{field.name}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </figcaption>
    </figure>
  );
}
