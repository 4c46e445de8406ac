// Package drafts is the domain of Statute Workbench: a draft statute read
// article by article, the chambers that amend it, their amendments, and
// the federation's decisions on them, kept in an append-only log whose
// entries are chained by their SHA-256 (Decision, VerifyLog).
//
// It knows nothing of the user interface or of the database. Its
// subpackages each own one job: arabic (normalizing and folding Arabic
// text), parse (reading a draft from text), diff (word-level tracked
// changes), search (finding words whatever their form), merge
// (consolidating an article's accepted amendments, and finding where they
// conflict), round (the rules of an amendment round, which the app and
// statutectl both call),
// boltstore (the bbolt store), workload (generated data for
// benchmarks), external (finding and running the programs a PDF needs:
// LibreOffice, Chromium, poppler's pdftotext) and pdftext (a PDF's text,
// repaired for import).
//
// Sentences meant for people are declared as Messages, each under a stable
// ID that the app translates it by; Error carries the ID with the English
// sentence.
package drafts
