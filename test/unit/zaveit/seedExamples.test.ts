// The documented examples (seed 004, Create Product) against our schemas, our document validator
// and the sandbox's own request schema: if any of these disagree, we misread the docs.
import assert from 'node:assert/strict';
import { validateZaveitBody } from '../../../sandbox/zaveit';
import { ProductCreateSchema, ProductSchema } from '../../../src/api/zaveit/schemas';
import { versionOf } from '../../../src/domain/document';
import { serializeZaveitProduct, validateZaveitDocument, zaveitCreateBody, zaveitEditableView, zaveitProductModel } from '../../../src/domain/zaveit/product';
import { SEED_CREATE_REQUEST, SEED_CREATE_RESPONSE } from './seedExamples';

describe('zaveit: the documented Create Product examples (seed 004)', () => {
  it('the request body passes the strict create schema unchanged', () => {
    const parsed = ProductCreateSchema.safeParse(SEED_CREATE_REQUEST);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.deepEqual(parsed.data, SEED_CREATE_REQUEST);
  });

  it('the request body, as a new-product document, has zero problems (as written, and as we write it)', () => {
    assert.deepEqual(validateZaveitDocument(JSON.stringify(SEED_CREATE_REQUEST, null, 2), undefined), []);
    assert.deepEqual(validateZaveitDocument(serializeZaveitProduct(SEED_CREATE_REQUEST), undefined), []);
  });

  it('the request body passes the sandbox request schema (written from the docs, independently of our zod)', () => {
    assert.equal(validateZaveitBody('create', structuredClone(SEED_CREATE_REQUEST)).ok, true);
  });

  it('a document made from the request body gives back the same create body', () => {
    assert.deepEqual(zaveitCreateBody(structuredClone(SEED_CREATE_REQUEST)), SEED_CREATE_REQUEST);
  });

  it('the response example parses as a product, keeping every field', () => {
    const parsed = ProductSchema.safeParse(SEED_CREATE_RESPONSE);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.deepEqual(parsed.data, SEED_CREATE_RESPONSE);
  });

  it('the response example, opened as a document, has zero problems, and its editable view drops the server-owned parts', () => {
    const product = ProductSchema.parse(SEED_CREATE_RESPONSE);
    assert.deepEqual(zaveitProductModel.validate(zaveitProductModel.serialize(product), product), []);
    assert.deepEqual(zaveitProductModel.validate(zaveitProductModel.serialize(product), undefined), []);
    const view = zaveitEditableView(product);
    assert.deepEqual(view.country, { code: 'NO' });
    assert.deepEqual(view.currency, { code: 'NOK' });
    assert.equal(view.id, undefined);
    assert.match(versionOf(zaveitProductModel, product) ?? '', /2025-01-01T00:00:00\.000Z/);
    assert.deepEqual(zaveitProductModel.versionFields, ['updated', '__v']);
    assert.equal(zaveitProductModel.modifiedAt(product), Date.UTC(2025, 0, 1));
    assert.equal(zaveitProductModel.nameOf(product), 'Example Product');
  });
});
