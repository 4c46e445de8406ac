package boltstore

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"time"

	"statute/drafts"
)

// SchemaVersion is the layout of the database this package writes. A
// database with a higher number was written by a newer Statute Workbench and
// is refused rather than misread. Schema 2 seals every record with a
// checksum (seal.go); schema 3 adds the decision log (decisions.go);
// schema 4 records the log's head, so that an append need not read the
// whole log; schema 5 adds the records of the exchange between laptops
// (exchange.go): the laptop's key pairs, the register of the other sides'
// keys, and the packages taken in. An older file is brought up to date when first opened for
// writing: a schema 1 file sealed, a schema 2 file given an empty decision
// log, a schema 3 file's log read whole, checked, and its head recorded,
// a schema 4 file given the empty buckets of the exchange.
const SchemaVersion = 5

// appMagic marks a database as ours in the meta bucket, so that another
// program's bbolt file is refused instead of being written into.
const appMagic = "Statute Workbench"

// The layout, in one place. Top-level buckets:
//
//	meta        app → appMagic, schema → uint32, created → RFC 3339 time,
//	            log-head → the decision log's head (schema 4 on): the count
//	            of entries appended (uint64) and the last one's Hash (64
//	            hex digits; drafts.GenesisPrev for none), sealed
//	drafts      draft ID → bucket of versions
//	              version (uint32) → bucket:
//	                header   → JSON of the Draft without its articles
//	                articles → bucket: position (uint32) → JSON of one Article
//	                keys     → bucket: article key → position (uint32) + hex TextHash
//	imports     sequence (uint64) → draft ID, one entry per stored version
//	amendments  amendment ID → record (see recordEncoder)
//	index       draft ID, 0, version (uint32), position (uint32),
//	            created (12 bytes), sequence (uint64)
//	              → amendment ID, 0, chamber code, 0, status
//	decisions   sequence (uint64) → drafts.Decision.MarshalEntry (schema 3 on);
//	            never changed nor deleted, and the bucket's own sequence
//	            counts the entries ever appended
//	identities, register, packages (schema 5 on): see exchange.go
//
// Every number in a key is big-endian, so that bbolt's byte order is the
// numeric order and cursors scan in article and time order.
const (
	bucketMeta       = "meta"
	bucketDrafts     = "drafts"
	bucketImports    = "imports"
	bucketAmendments = "amendments"
	bucketIndex      = "index"
	bucketDecisions  = "decisions"
	bucketIdentities = "identities"
	bucketRegister   = "register"
	bucketPackages   = "packages"

	keyApp     = "app"
	keySchema  = "schema"
	keyCreated = "created"
	keyLogHead = "log-head"

	keyHeader      = "header"
	bucketArticles = "articles"
	bucketKeys     = "keys"
)

// topBuckets are created with the database and must all exist in it,
// but for those a later schema added, in a file of an earlier one
// (sinceSchema).
var topBuckets = []string{bucketMeta, bucketDrafts, bucketImports, bucketAmendments, bucketIndex, bucketDecisions,
	bucketIdentities, bucketRegister, bucketPackages}

// sinceSchema is the schema that added a top bucket, when not the first.
var sinceSchema = map[string]uint32{bucketDecisions: 3, bucketIdentities: 5, bucketRegister: 5, bucketPackages: 5}

// maxIDBytes bounds IDs, which are keys: ours are about a dozen bytes.
const maxIDBytes = 100

// hashLen is the length of a hex SHA-256, as drafts.HashText makes it.
const hashLen = 64

func u32key(n int) []byte {
	return binary.BigEndian.AppendUint32(make([]byte, 0, 4), uint32(n))
}

func u32(k []byte) uint32 { return binary.BigEndian.Uint32(k) }

func u64key(n uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), n)
}

// articleEntry is the value of the keys bucket: the article's position and
// its TextHash, so that amendments are checked without decoding articles.
func articleEntry(pos int, hash string) []byte {
	return append(u32key(pos), hash...)
}

func parseArticleEntry(v []byte) (pos int, hash string, ok bool) {
	if len(v) != 4+hashLen {
		return 0, "", false
	}
	return int(binary.BigEndian.Uint32(v)), string(v[4:]), true
}

// indexPrefix starts every index key of one draft. Draft IDs never hold a
// zero byte (validID), so one draft's prefix is never another's.
func indexPrefix(draftID string) []byte {
	return append([]byte(draftID), 0)
}

// articlePrefix starts the index keys of the amendments to one article of
// one version.
func articlePrefix(draftID string, version, pos int) []byte {
	k := make([]byte, 0, len(draftID)+1+4+4+12+8)
	k = append(k, draftID...)
	k = append(k, 0)
	k = binary.BigEndian.AppendUint32(k, uint32(version))
	return binary.BigEndian.AppendUint32(k, uint32(pos))
}

// indexKey orders a draft's amendments by the version they amend (positions
// are only comparable within one), then by target article, then by creation
// time, then by the order they were stored in.
func indexKey(draftID string, version, pos int, created time.Time, seq uint64) []byte {
	k := articlePrefix(draftID, version, pos)
	// Flipping the sign bit makes negative seconds sort before positive ones.
	k = binary.BigEndian.AppendUint64(k, uint64(created.Unix())^(1<<63))
	k = binary.BigEndian.AppendUint32(k, uint32(created.Nanosecond()))
	return binary.BigEndian.AppendUint64(k, seq)
}

// parseIndexKey reads the draft, version and article position an index
// key starts with.
func parseIndexKey(k []byte) (draftID string, version, pos int, ok bool) {
	id, rest, found := bytes.Cut(k, []byte{0})
	if !found || len(rest) < 8 {
		return "", 0, 0, false
	}
	return string(id), int(binary.BigEndian.Uint32(rest)), int(binary.BigEndian.Uint32(rest[4:])), true
}

// indexValue names the amendment an index key points at, with its chamber
// and status, so that a listing by chamber or status decodes only the
// amendments it returns.
func indexValue(a *drafts.Amendment) []byte {
	v := make([]byte, 0, len(a.ID)+1+len(a.Chamber)+1+len(a.Status))
	v = append(v, a.ID...)
	v = append(append(v, 0), a.Chamber...)
	return append(append(v, 0), a.Status...)
}

func parseIndexValue(v []byte) (id, chamber, status []byte, ok bool) {
	id, rest, ok1 := bytes.Cut(v, []byte{0})
	chamber, status, ok2 := bytes.Cut(rest, []byte{0})
	return id, chamber, status, ok1 && ok2
}

// recordEncoder makes the stored form of amendments: each with the index
// key that points at it, so that an update removes exactly that key even
// when the article moved. One buffer serves a whole batch.
type recordEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newRecordEncoder() *recordEncoder {
	e := &recordEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false) // legal texts quote with « », and use < and & as such
	return e
}

func (e *recordEncoder) record(idx []byte, a *drafts.Amendment) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(a); err != nil {
		return nil, err
	}
	js := bytes.TrimSuffix(e.buf.Bytes(), []byte("\n"))
	v := binary.AppendUvarint(make([]byte, 0, binary.MaxVarintLen64+len(idx)+len(js)), uint64(len(idx)))
	v = append(v, idx...)
	return append(v, js...), nil
}

func decodeRecord(v []byte) (idx, js []byte, ok bool) {
	n, w := binary.Uvarint(v)
	if w <= 0 || n > math.MaxInt32 || uint64(len(v)-w) < n {
		return nil, nil, false
	}
	return v[w : w+int(n)], v[w+int(n):], true
}
