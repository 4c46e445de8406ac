// Package docx writes Word documents (Office Open XML, .docx) with the
// standard library alone: the few parts a word processor needs, in the
// layout Word itself writes, and nothing it would have to guess.
//
// A caller builds a Document from blocks, in reading order: paragraphs
// (Add), tables (AddTable) and section ends (EndSection), then writes it
// (WriteTo). No caller writes XML: text goes in as Go strings and is
// escaped, and the characters XML 1.0 forbids (control characters other
// than tab and line feed, unpaired surrogates, U+FFFE and U+FFFF) are
// dropped; a tab in a run's text becomes a tab stop and a line feed a
// line break in its paragraph.
//
// # The file
//
// The zip holds, in this order: [Content_Types].xml, _rels/.rels,
// docProps/core.xml and docProps/app.xml (the title, author, language and
// creation time a file manager shows), word/document.xml (the text),
// word/styles.xml, word/settings.xml and word/_rels/document.xml.rels,
// and last word/footer1.xml when a section numbers its pages.
// Every entry carries the same fixed time (1 January 1980, the first a
// zip can hold) and is compressed alike, so that one document always
// gives the same bytes: exports can be compared and kept as golden files.
//
// # Direction, fonts and sizes
//
// Options.RTL makes a right-to-left document (Arabic): every paragraph
// carries w:bidi, every run w:rtl, every table w:bidiVisual (its first
// column on the right) and every section w:bidi. A French document is
// left to right and carries none of them. Word takes an Arabic run's
// size and weight only from the complex-script properties, so every size
// is written twice (w:sz and w:szCs) and bold too (w:b and w:bCs), italic
// alike. Fonts are named for both scripts (w:rFonts w:ascii, w:hAnsi and
// w:cs): by default Times New Roman for Latin and Traditional Arabic for
// Arabic, the face of Moroccan legal texts, which Windows installs with
// Word. Where a font is missing, Word substitutes one from its own table
// (on Windows usually Times New Roman or Arial, both of which hold Arabic
// letters), and LibreOffice asks the system (fontconfig on Linux) for the
// nearest font that has the letters (Amiri or DejaVu Sans where they are
// installed): the text stays whole and joined, only its face changes.
//
// Alignment is logical: Start is where a line begins (the right in a
// right-to-left paragraph), End where it ends. That is how Word reads
// w:jc="left" and "right" inside a w:bidi paragraph (start and end, not
// the page's sides), so they are written so; a writer that meant the
// page's right side would get the left one.
//
// # Styles
//
// styles.xml defines Normal (the body text), Title, and Heading1 to
// Heading6, bold, kept with the paragraph that follows, with w:outlineLvl
// 0 to 5 so that Word's navigation pane and LibreOffice's navigator show
// the outline. Paragraphs name their style (Paragraph.Style); Heading(n)
// names the heading of level n.
//
// # Tracked changes
//
// A run may be an insertion or a deletion (Run.Change): it is written
// inside w:ins or w:del, a child of its paragraph, never nested in
// another; a deleted run's text is in w:delText, never w:t, as Word
// requires. A paragraph's own mark (the end of the paragraph, which keeps
// it apart from the next) may be inserted or deleted too
// (Paragraph.Mark), in w:pPr/w:rPr: a paragraph wholly inserted has its
// runs and its mark inserted, so that rejecting it leaves no empty
// paragraph behind, and one wholly deleted likewise. Since the last mark
// of a document cannot be removed, a document whose last paragraph has a
// revised mark ends with one more, empty, paragraph. Every revision gets
// its own w:id, counted from 1 through the whole file (WriteTo): no two
// revisions share one.
//
// Word reads a revision's w:date as the local time of the machine that
// reads it, although it is written with a «Z»: a revision is dated with
// its wall time in Options.Zone (the exporting machine's zone unless the
// caller says otherwise), which is what Word would have written there.
//
// # Tables and sections
//
// A Table lists its column widths and rows; its first HeaderRows rows are
// repeated at the top of every page it spans (w:tblHeader), and no row is
// split across pages. Cells hold paragraphs, so they take runs with
// revisions like any other, or runs that only look like them (Underline,
// Strike, Color, Fill, Box); a cell may span columns (Span) or join the cells
// below it (Merge), as an article's cell beside each of its amendments. EndSection ends the page layout used so far
// (it writes an empty paragraph that holds the section's properties) and
// starts a new one: a landscape table between portrait text is
// EndSection(portrait), the table, EndSection(landscape), the rest
// laid out by Options.Section. Pages are A4, 2 cm margins unless the
// Section says otherwise. A section may number its pages
// (Section.PageNumbers): a footer with a PAGE field, centred, which the
// word processor fills in as it lays the pages out; the sections that
// number theirs share that one footer.
package docx
