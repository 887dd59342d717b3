/**
 * Content that many pages of one file share, drawn once into a PDF form XObject and placed on each
 * page by reference (`/Fx1 Do`), as high-volume print streams do: a certificate's back, the election
 * form, is the same on every certificate of a class but its number. The form's content is pdfmake's
 * own layout and drawing of that content, captured instead of written onto a page; each page then
 * costs the drawing of what differs, and the file carries the shared content once.
 *
 * pdfkit has no API for form XObjects (its gradients make one by hand, as here); pdfmake's
 * Renderer draws onto `doc.page`, so while a form is captured `doc.page` is a stand-in whose
 * content stream and resources are the form's.
 */

/** A page as pdfmake's LayoutBuilder lays it out: what its Renderer draws, in order. */
export interface LaidOutPage {
  readonly items: { readonly type: string; readonly item: unknown }[];
  readonly pageSize: { readonly width: number; readonly height: number };
}

/** The few pdfkit document members a capture swaps or reads. */
export interface CaptureDocument {
  page: unknown;
  x: number;
  y: number;
  _ctm: number[];
  addPage(options?: unknown): unknown;
  ref(data: object): { write(chunk: string | Uint8Array): void; end(): void };
}

/** pdfkit's image() takes an object with a size, a label and an embedded object as an image already opened. */
interface FormAsImage {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly obj: unknown;
}

export interface SharedForms {
  /**
   * The page item that draws `key`'s form: made the first time from `pages` (one laid-out page,
   * `drop` of its first items left out — what differs from page to page), reused after.
   */
  item(key: string, make: () => { readonly page: LaidOutPage; readonly drop: number }): { readonly type: 'image'; readonly item: unknown };
}

/**
 * Forms for one pdfkit document (form XObjects cannot be shared between files). `draw` is
 * pdfmake's Renderer over laid-out pages; `width` and `height` are the page's, in points.
 */
export function sharedForms(doc: CaptureDocument, draw: (pages: LaidOutPage[]) => void, width: number, height: number): SharedForms {
  const made = new Map<string, FormAsImage>();
  let count = 0;

  function capture(page: LaidOutPage, drop: number): FormAsImage {
    const resources = { ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'], Font: {}, XObject: {}, ExtGState: {}, Pattern: {}, ColorSpace: {} };
    // Drawn in the Renderer's space (y down from the page's top). pdfkit's image() places the form
    // through the transform [1 0 0 -1 0 1] (a unit image at 0,0); this Matrix, its inverse, undoes
    // it exactly (whole numbers: no rounding in the file), so the form draws where it was laid out.
    const form = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, width, height], Matrix: [1, 0, 0, -1, 0, 1], Resources: resources });
    const stage = { width, height, margins: { top: 0, left: 0, bottom: 0, right: 0 }, write: (chunk: string | Uint8Array) => form.write(chunk), fonts: resources.Font, xobjects: resources.XObject, ext_gstates: resources.ExtGState, patterns: resources.Pattern, colorSpaces: resources.ColorSpace, annotations: [], markings: [] };
    const saved = { page: doc.page, x: doc.x, y: doc.y, ctm: doc._ctm, addPage: doc.addPage };
    doc.addPage = () => {
      doc.page = stage;
      doc._ctm = [1, 0, 0, -1, 0, height];
      return doc;
    };
    try {
      draw([{ ...page, items: page.items.slice(drop) }]);
    } finally {
      doc.addPage = saved.addPage;
      Object.assign(doc, { page: saved.page, x: saved.x, y: saved.y, _ctm: saved.ctm });
    }
    form.end();
    count += 1;
    return { width: 1, height: 1, label: `Fx${count}`, obj: form };
  }

  return {
    item(key, make) {
      let form = made.get(key);
      if (!form) {
        const { page, drop } = make();
        form = capture(page, drop);
        made.set(key, form);
      }
      return { type: 'image', item: { image: form, x: 0, y: 0, _width: 1, _height: 1, opacity: 1 } };
    },
  };
}
