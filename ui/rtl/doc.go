// Package rtl lays out right-to-left (Arabic) and mixed-direction paragraphs
// for a painter that only draws left to right.
//
// Why: Fyne 2.7 shapes Arabic correctly (letters join) but places the runs of
// a line in typing order, with no bidi reordering and no right-to-left
// option. «المادة 1: تحدث …» comes out with its Arabic and its number in the
// wrong places, and each RichText segment is laid out on its own, so every
// segment edge (a change of style) scrambles the line again. This package
// does the line breaking and the reordering itself and hands Fyne strings
// already in visual order, which it draws as they are.
//
// How, in four steps:
//
//  1. [Wrap] breaks a paragraph in logical order at white space only (the
//     space, the tab and the other Unicode spaces but the no-break ones;
//     never at punctuation), measuring each piece between spaces once
//     through an injected [Measure]. Arabic joining never crosses a space,
//     so a line's width is the sum of its pieces, and measuring pieces
//     instead of growing prefixes keeps a 45-word article well under a
//     millisecond. These pieces are where a line may break, not words: what
//     a word is (for diffs, search and word counts) is defined once, by
//     IsWordRune and WordEnd in statute/drafts/arabic, and line breaking
//     needs neither.
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
