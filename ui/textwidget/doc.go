// Package textwidget holds the Fyne widgets that show and edit statute
// text, which is Arabic mixed with digits and French words: Text (read-only
// text, a paragraph or more, one line, one line cut with «…» to its width,
// or a paragraph with a search match marked), Tracked (a word diff shown as tracked changes) and Editor (a
// field, of paragraphs or of one line, in which the text is written).
// Screens are built from them as from Fyne's own widgets.
//
// They exist because Fyne does not lay out right-to-left text. It draws
// the runs of a line one after the other in typing order, with no bidi
// reordering, so an Arabic sentence holding a number or a French word
// comes out with its parts in the wrong order; and its Entry draws the
// caret mirrored in Arabic, moves it the wrong way with the arrow keys and
// puts a click's caret at the mirrored place, none of which can be fixed
// from outside the Entry. So these widgets lay text out themselves, with
// statute/ui/rtl: each paragraph is kept and wrapped in logical (typing)
// order, each line is then reordered for display by the Unicode
// bidirectional algorithm, and a line that reads right to left is aligned
// to the right. Fyne is only ever asked to draw a line already in visual
// order.
//
// The widgets take the theme's text size, font and colours, and find
// nothing through fyne.CurrentApp: an Editor is given its app.
package textwidget
