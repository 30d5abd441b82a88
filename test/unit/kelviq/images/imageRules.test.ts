// Which image addresses are fetched for a preview (only https, or http on loopback; a bare storage
// key is said to be one), and which files Add Image… takes, with its words.
import * as assert from 'node:assert/strict';
import { imageExtension, imageSource } from '../../../../src/domain/kelviq/imageSource';
import { imageFileProblem, imageTypeOf, MAX_IMAGE_BYTES } from '../../../../src/kelviq/images/imageUploadRules';
import { progressText, uploadFailureText } from '../../../../src/kelviq/uploads/uploadTexts';
import { noPreviewMessage } from '../../../../src/kelviq/images/imageTexts';

describe('kelviq/images: what a preview may fetch', () => {
  const cases: Array<[unknown, string]> = [
    ['https://cdn.kelviq.com/media/p/1/hero.png', 'url'],
    ['http://127.0.0.1:4010/__storage/media/x.png', 'url'],
    ['http://localhost:4010/x.png', 'url'],
    ['http://cdn.example.com/x.png', 'refused'],
    ['file:///etc/passwd', 'refused'],
    ['javascript:alert(1)', 'refused'],
    ['command:workbench.action.quit', 'refused'],
    ['media/.../products/<id>/<uuid>/hero-banner.png', 'storageKey'],
    ['', 'none'],
    [null, 'none'],
    [42, 'none'],
  ];
  for (const [value, kind] of cases) {
    it(`${JSON.stringify(value)} → ${kind}`, () => assert.equal(imageSource(value).kind, kind));
  }

  it('says plainly when only a storage key is given, with the key as inert text', () => {
    const message = noPreviewMessage('hero.png', imageSource('media/x/[a](command:evil)'));
    assert.match(message, /kelviq gives only its storage key/);
    assert.ok(!message.includes('](command:'));
  });

  it('the preview address takes the image type from the name, else the URL, else png', () => {
    assert.equal(imageExtension('hero.JPG', imageSource('https://x.test/a.png')), 'jpg');
    assert.equal(imageExtension(null, imageSource('https://x.test/a.webp?sig=1')), 'webp');
    assert.equal(imageExtension('noext', imageSource('media/key')), 'png');
  });
});

describe('kelviq/images: Add Image… rules', () => {
  it('takes images by their type, up to the stated size', () => {
    assert.equal(imageTypeOf('a.PNG'), 'image/png');
    assert.equal(imageTypeOf('a.svg'), 'image/svg+xml');
    assert.equal(imageTypeOf('a.pdf'), undefined);
    assert.equal(imageFileProblem('a.png', 10), undefined);
    assert.match(imageFileProblem('terms.pdf', 10) ?? '', /is not an image \(PNG, JPEG, GIF, WebP, SVG or AVIF, up to 20 MB each\)/);
    assert.match(imageFileProblem('huge.png', MAX_IMAGE_BYTES + 1) ?? '', /is 20\.0 MB; images can be at most 20 MB/);
    assert.match(imageFileProblem('empty.png', 0) ?? '', /is empty/);
  });

  it('progress names the file and the bytes', () => {
    assert.equal(progressText('hero.png', 512 * 1024, 2 * 1024 * 1024, 0, 2), 'hero.png: 512.0 KB of 2.0 MB (1/2)');
    assert.equal(progressText('hero.png', 10, 10, 0, 1), 'hero.png: 10 B of 10 B');
  });

  it('explains an expired policy and a refusal, the storage text kept inert', () => {
    assert.match(uploadFailureText('a.png', 'expired', ''), /upload permission expired \(it lasts one hour\)/);
    const refused = uploadFailureText('a.png', 'rejected', 'Denied [x](command:evil)');
    assert.match(refused, /the storage refused it/);
    assert.ok(!refused.includes('](command:'));
  });
});
