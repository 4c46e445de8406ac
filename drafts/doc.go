// Package drafts is the domain of Statute Workbench: a draft statute read
// article by article, the chambers that amend it, and their amendments.
//
// It knows nothing of the user interface or of the database. Its
// subpackages each own one job: arabic (normalizing and folding Arabic
// text), parse (reading a draft from text), diff (word-level tracked
// changes), boltstore (the bbolt store) and workload (generated data for
// benchmarks).
package drafts
