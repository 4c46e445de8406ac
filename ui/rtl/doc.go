// Package rtl lays out right-to-left (Arabic) and mixed-direction paragraphs
// for a painter that only draws left to right.
//
// Why: Fyne 2.7 shapes Arabic correctly (letters join) but places the runs of
// a line in typing order with no bidi reordering and no right-to-left option,
// so «المادة 1: تحدث …» comes out scrambled, and every RichText segment edge
// scrambles it again (shared/docs/ARABIC.md, "What stock Fyne does").
//
// How (ARABIC.md, "What works" 1–4):
//
//  1. [Wrap] breaks a paragraph in logical order at spaces, measuring each word
//     once through an injected [Measure]. Arabic joining never crosses a space,
//     so word-level wrapping is exact, and measuring words instead of growing
//     prefixes keeps a 45-word article well under a millisecond.
//  2. [Reorder] resolves embedding levels once per paragraph with
//     github.com/go-text/typesetting/bidi (the Unicode Bidirectional
//     Algorithm; it matched FriBidi where x/text did not), then applies rules
//     L1 and L2 to each wrapped line, giving its [Run]s in visual order.
//  3. [Display] turns a line into a string that a left-to-right painter shows
//     right: right-to-left runs reversed by grapheme cluster (harakat stay on
//     their letter), mirrored brackets, left-to-right runs untouched, the whole
//     inside LEFT-TO-RIGHT OVERRIDE … POP DIRECTIONAL FORMATTING. HarfBuzz
//     flips an Arabic run back before shaping, so joining survives.
//  4. [Pieces] does the same for styled spans (tracked changes, search hits),
//     one override-wrapped piece per style change, for one inline RichText
//     segment each.
//
// [CaretX], [OffsetAt], [VisualLeft] and [VisualRight] map between logical
// offsets and the drawn line for an editor. The package imports no Fyne: the
// widgets pass fyne.MeasureText in as a [Measure].
package rtl
