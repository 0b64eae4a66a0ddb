import { useApp } from '../../app/context';
import type { Facing } from '../../camera/use-camera';

interface PhotoInputProps {
  /** Open the device's own camera app (`capture`), as `useNativeCamera` asks. */
  nativeCamera: boolean;
  facing: Facing;
  primary: boolean;
  onFile(file: File): void;
}

/** The file picker, dressed as a button; the input itself stays in the page for keyboards and tests. */
export function PhotoInput({ nativeCamera, facing, primary, onFile }: PhotoInputProps) {
  const { t } = useApp();
  return (
    <label class={`file-button ${primary ? 'primary' : 'secondary'}`}>
      <input
        type="file"
        accept="image/*"
        class="visually-hidden"
        data-testid="file-input"
        capture={nativeCamera ? facing : undefined}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again after a retake still fires a change.
          input.value = '';
          if (file) onFile(file);
        }}
      />
      <span>{nativeCamera ? t('capture.takeWithCamera') : t('capture.upload')}</span>
    </label>
  );
}
