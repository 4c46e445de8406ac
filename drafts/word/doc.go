// Package word reads a draft statute out of a Word document (.docx, Office
// Open XML), with encoding/xml alone, into what package parse gives for a
// text file: the draft and the lines that look like headings but were read
// as text.
//
// A .docx is a zip of XML parts. The package finds the main part through
// the package's relationships (word/document.xml in every file Word or
// LibreOffice writes), and beside it the styles, the numbering and the
// headers and footers. It reads the body's paragraphs in order and makes
// of each one line of text, which parse then reads as it reads a text
// file (ReadDocument gives the paragraphs themselves):
//
//   - A paragraph's text is that of its runs, however Word split them,
//     even inside a word («الم» + «ادة»). A line break (Shift+Enter)
//     starts a new line, except in a heading, which stays one line; a
//     non-breaking hyphen is «-»; a symbol is the character it shows where
//     it has one. A tab is a space, except in a heading after a word or
//     number, where it stands for the separator Word users leave out
//     («الباب الأول», a tab, «أحكام عامة» reads «الباب الأول: أحكام
//     عامة»).
//   - Tracked changes are read as if accepted: insertions and moves to a
//     place (w:ins, w:moveTo) are kept, deletions and moves from a place
//     (w:del, w:moveFrom) are left out, and a paragraph whose mark was
//     deleted joins the next one. A ministry's file may still hold them;
//     a note says so.
//   - Text inside content controls (w:sdt), smart tags, custom XML,
//     hyperlinks and fields (w:fldSimple, and the result of a complex
//     field, never its code) is read as the reader sees it. Hidden text
//     (w:vanish) is not.
//   - A heading is known by its style: a style named "heading N" or
//     "Title" (as Word and LibreOffice name them, whatever the interface's
//     language), or one with an outline level, in the paragraph, the style
//     or a style it is based on (w:basedOn, followed to its root; a chain
//     that loops is followed once). Such a paragraph becomes a Markdown
//     heading line, so that parse treats it as the author meant it, and a
//     heading-styled paragraph that is not an article or division heading
//     is named in a warning. Paragraphs without a heading style are read as
//     any line of a text file: «المادة 3: مهام الغرفة» typed in body text is
//     an article heading too.
//   - Numbers Word generates (w:numPr, in the paragraph or its style) are
//     written out as Word shows them, in front of the text: the level's
//     text («المادة %1:», "Article %1.") with each counter counted as Word
//     counts it (its start, the restart of deeper levels, a list started
//     again by an override) and written in its level's format: decimal,
//     Eastern Arabic digits, roman numerals, letters, the Arabic alphabet in
//     abjad or alphabetical order, and Arabic ordinal words («الأولى»,
//     «الحادية عشرة») for ordinal text in an Arabic level. A number that
//     ends a word and a number («المادة %1») is followed by «: » where the
//     paragraph goes on, as the tab Word puts after it shows. A bullet is
//     «-», as enumerations are written in a text draft.
//   - Tables, footnotes, endnotes, comments, headers and footers, text
//     boxes and a table of contents are not part of the text: each kind the
//     file holds is counted and said in a note (a parse.Warning with no
//     line), which both front-ends show with the warnings.
//
// Lines are counted as in the text parse reads: a paragraph is a line, and
// a line break inside one starts another.
//
// A .docx comes from outside and may be made to harm: the zip may unpack
// to far more than it weighs, its XML may nest without end. The package
// refuses, as Invalid with a sentence that says what to do, a file that is
// not a zip, a zip that is not a Word document (an Excel workbook, a
// PowerPoint presentation, an OpenDocument text, spreadsheet or
// presentation, or any other zip, named for what it is), a zip of more
// than MaxEntries files, a part
// that unpacks to more than MaxPartBytes (its declared size is checked
// first, then what it really unpacks to, read through a limit), more than
// MaxTotalBytes unpacked in all, XML nested deeper than MaxDepth, and more
// than MaxParagraphs paragraphs or MaxDefinitions styles or lists. The
// XML decoder expands no entity a document declares, so no part can grow
// in the reading. Nothing is stored: the caller stores the draft once the
// user has seen it.
package word
