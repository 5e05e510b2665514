import { useState } from 'react';
import { registerMessages, useT, type Keys } from '../lib/i18n.js';

const _texts = registerMessages(
  { 'photos.picked': '已选 {n} 张，点此重选', 'photos.add': '＋ 拍照或选照片' },
  { 'photos.picked': '{n} chosen, tap to change', 'photos.add': '+ Take or choose photos' },
);
declare module '../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export const pickedPhotos = (input: HTMLInputElement | null) => Array.from(input?.files ?? []).filter((f) => f.size > 0);

/** A big "add photos" button in the page's language; the browser's own file input speaks the browser's. */
export function PhotoPicker({ label, inputRef, testId }: { label: string; inputRef: React.RefObject<HTMLInputElement | null>; testId: string }) {
  const { t } = useT();
  const [count, setCount] = useState(0);
  return (
    <div className="field">
      <span>{label}</span>
      <label className="file-pick">
        <input
          ref={inputRef}
          type="file"
          accept="image/jpeg,image/png"
          multiple
          onChange={() => setCount(pickedPhotos(inputRef.current).length)}
          data-testid={testId}
        />
        <span>{count ? t('photos.picked', { n: count }) : t('photos.add')}</span>
      </label>
    </div>
  );
}
