// Package export writes a draft out of the program, as files people open
// elsewhere. Each export is an operation of the domain, called by the app
// and by statutectl alike; front-ends only choose what to export and where
// the bytes go (an io.Writer).
//
// What works now is the consolidated text of a draft version (the version
// as stored: the text a consolidation made, or one imported) in five
// formats. Two of them import reads back to the same draft (same title,
// preamble, divisions and articles: keys, numbers, headings, paragraphs):
//
//   - Markdown (md): parse.Format, the layout import reads, with «#»
//     headings and a blank line between paragraphs.
//   - Plain text (txt): the same lines without Markdown: the title on the
//     first line, then the preamble, each division and article heading on
//     its own line («الباب الأول: أحكام عامة», «المادة 2: تعريفات»), and an
//     article's paragraphs one a line under its heading; a blank line ends
//     each block, for the eye only (import ignores blank lines).
//
// The third, HTML (html), is for reading and printing, not for import: one
// self-contained page; html.go says how it is laid out and how changes are
// marked. Word (docx) is for the staff to work on in Word or
// LibreOffice, and for the Word import to read back by its styles: one
// paragraph per paragraph, headings in Word's heading styles; docx.go says
// how it is laid out. HTML and Word are the formats that show the
// version's changes against the version before it (Request.Tracked),
// the same changes credited to the same chambers in both, found once
// (tracked.go): in Word as its own tracked changes, each authored by the
// chamber whose amendment made it, so that accepting them all gives the
// version and rejecting them all the one before.
//
// Akoma Ntoso (akn) is for other systems that read legal
// documents: one XML file in the OASIS LegalDocML vocabulary, valid
// against its schema, holding the version as an act and the amendments
// the chambers made on it, each as an amendment document with its change
// marked and the federation's decision. akn.go says why it is a
// documentCollection, how documents are identified (FRBR, eIds) and where
// each part of an amendment goes.
//
// PDF (pdf) is the HTML page printed by Chromium or LibreOffice, whichever
// is installed (PDFOf, for any page the package writes as HTML: the text,
// tracked or not, and the table); pdf.go says why through those programs
// and how each is run.
//
// Every Markdown or text export is read back before a byte is written:
// text that would import as another draft (an amendment's wording that holds a line such
// as «المادة 5: …», which import reads as a heading) is refused, naming
// the article, rather than written wrong.
//
// The table of amendments (Table), the comparative table (الجدول المقارن)
// the general assembly reads, is built once from the round
// (BuildComparison: which amendments, grouped how, in what order; table.go
// says) and written in four formats: HTML for printing (A4 landscape),
// Word (docx) for printing and annotating (A4 landscape, right to left),
// XLSX for spreadsheets (right to left, filterable) and CSV (UTF-8 with a
// byte-order mark, for Excel). In Word the proposed text's changes only
// look like tracked changes (underlined and bold, struck through and
// grey), and are not Word's revisions: the table records proposals, and
// Word's «Accept all changes» must leave it as it is (tabledocx.go says
// more). Request.Chamber, Status and Articles narrow it, and are for it
// alone.
package export
