package boltstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// header is what a version stores besides its articles: the draft with its
// articles left out, and their count, so that listings decode no article.
type header struct {
	*drafts.Draft
	ArticleCount int `json:"article_count"`
}

// freshID returns a new random ID that taken says is free. IDs are random
// so that laptops that never talk make distinct ones; 40 random bits make a
// second draw rare, not impossible.
func freshID(prefix string, taken func(string) bool) string {
	id := drafts.NewID(prefix)
	for taken(id) {
		id = drafts.NewID(prefix)
	}
	return id
}

// validID checks an ID that becomes part of keys.
func validID(what, id string) error {
	switch {
	case id == "":
		return drafts.Errorf(drafts.Invalid, "the %s ID is empty", what)
	case len(id) > maxIDBytes:
		return drafts.Errorf(drafts.Invalid, "the %s ID is longer than %d bytes", what, maxIDBytes)
	case !utf8.ValidString(id) || strings.ContainsFunc(id, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return drafts.Errorf(drafts.Invalid, "the %s ID %q holds characters an ID cannot", what, id)
	}
	return nil
}

func validDraft(d *drafts.Draft) error {
	if d == nil {
		return drafts.Errorf(drafts.Invalid, "no draft was given")
	}
	if len(d.Articles) == 0 {
		return drafts.Errorf(drafts.Invalid, "the draft has no articles: check that its article headings read «المادة 1» or «Article 1»")
	}
	seen := make(map[string]int, len(d.Articles))
	for i := range d.Articles {
		a := &d.Articles[i]
		switch {
		case strings.TrimSpace(a.Key) == "":
			return drafts.Errorf(drafts.Invalid, "article %d of the draft (%q) has no key", i+1, a.Number)
		case len(a.Key) > maxIDBytes || !utf8.ValidString(a.Key):
			return drafts.Errorf(drafts.Invalid, "article %d of the draft has an unusable key %q", i+1, a.Key)
		}
		if j, dup := seen[a.Key]; dup {
			return drafts.Errorf(drafts.Invalid, "articles %d and %d of the draft are both numbered %q: renumber one of them", j+1, i+1, a.Key)
		}
		seen[a.Key] = i
	}
	return nil
}

// AddDraft stores d as a new draft, or as the next version of the stored
// draft d.ID names. A d.ID that names no stored draft keeps that ID, so a
// draft received from the federation keeps the ID its amendments refer to.
func (s *Store) AddDraft(d *drafts.Draft) error {
	if err := validDraft(d); err != nil {
		return err
	}
	id := drafts.NormalizeID(d.ID)
	if d.ID != "" {
		if err := validID("draft", id); err != nil {
			return err
		}
	}
	rec := *d
	rec.Imported = time.Now().UTC()
	articles := make([][]byte, len(d.Articles))
	entries := make([][]byte, len(d.Articles))
	for i := range d.Articles {
		js, err := json.Marshal(&d.Articles[i])
		if err != nil {
			return drafts.Wrap(drafts.Internal, err, "article %q could not be encoded", d.Articles[i].Key)
		}
		articles[i] = js
		entries[i] = articleEntry(i, d.Articles[i].TextHash())
	}
	err := s.update("store the draft", func(tx *bolt.Tx) error {
		all := tx.Bucket([]byte(bucketDrafts))
		if id == "" {
			id = freshID("D", func(id string) bool { return all.Bucket([]byte(id)) != nil })
		}
		versions, err := all.CreateBucketIfNotExists([]byte(id))
		if err != nil {
			return err
		}
		rec.ID, rec.Version = id, 1
		if k, _ := versions.Cursor().Last(); k != nil {
			rec.Version = int(binary.BigEndian.Uint32(k)) + 1
		}
		return putDraft(tx, &rec, articles, entries)
	})
	if err != nil {
		return err
	}
	d.ID, d.Version, d.Imported = rec.ID, rec.Version, rec.Imported
	return nil
}

// Drafts lists the stored drafts (their latest versions), oldest first.
func (s *Store) Drafts() ([]drafts.DraftInfo, error) {
	infos := []drafts.DraftInfo{}
	err := s.view(func(tx *bolt.Tx) error {
		all := tx.Bucket([]byte(bucketDrafts))
		seen := map[string]bool{}
		c := tx.Bucket([]byte(bucketImports)).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			id, err := s.importEntry(k, v)
			if err != nil {
				return err
			}
			if seen[string(id)] {
				continue
			}
			seen[string(id)] = true
			h, err := s.latestHeader(all, string(id))
			if err != nil {
				return err
			}
			infos = append(infos, drafts.DraftInfo{ID: h.ID, Title: h.Title, Version: h.Version,
				Articles: h.ArticleCount, Source: h.Source, Imported: h.Imported})
		}
		return nil
	})
	if err != nil {
		return nil, s.fail(err, "list the drafts")
	}
	return infos, nil
}

// Draft returns the latest version of a draft. NotFound: no such draft.
func (s *Store) Draft(id string) (*drafts.Draft, error) {
	return s.draftVersion(id, latest)
}

// DraftVersion returns one version of a draft. NotFound: no such draft or
// version.
func (s *Store) DraftVersion(id string, version int) (*drafts.Draft, error) {
	if version == latest {
		return nil, drafts.Errorf(drafts.NotFound, "there is no version 0 of a draft: versions count from 1")
	}
	return s.draftVersion(id, version)
}

// draftVersion reads a version of a draft, or the latest when version is
// latest.
func (s *Store) draftVersion(id string, version int) (*drafts.Draft, error) {
	id = drafts.NormalizeID(id)
	var d *drafts.Draft
	err := s.view(func(tx *bolt.Tx) error {
		v, n, err := versionBucket(tx, id, version)
		if err != nil {
			return err
		}
		d, err = s.readDraft(v, id, n)
		return err
	})
	if err != nil {
		return nil, s.fail(err, "read the draft")
	}
	return d, nil
}

// LatestDraft returns the latest version of the draft imported last.
// NotFound: the store holds no draft.
func (s *Store) LatestDraft() (*drafts.Draft, error) {
	var d *drafts.Draft
	err := s.view(func(tx *bolt.Tx) error {
		k, e := tx.Bucket([]byte(bucketImports)).Cursor().Last()
		if k == nil {
			return drafts.Errorf(drafts.NotFound, "the database holds no draft yet: import one first")
		}
		id, err := s.importEntry(k, e)
		if err != nil {
			return err
		}
		v, n, err := versionBucket(tx, string(id), latest)
		if err != nil {
			return err
		}
		d, err = s.readDraft(v, string(id), n)
		return err
	})
	if err != nil {
		return nil, s.fail(err, "read the latest draft")
	}
	return d, nil
}

// Article returns one article of a version of a draft, decoding only that
// article. NotFound: no such draft, version or article.
func (s *Store) Article(draftID string, version int, key string) (*drafts.Article, error) {
	draftID = drafts.NormalizeID(draftID)
	if version == latest {
		return nil, drafts.Errorf(drafts.NotFound, "there is no version 0 of a draft: versions count from 1")
	}
	var a drafts.Article
	err := s.view(func(tx *bolt.Tx) error {
		v, _, err := versionBucket(tx, draftID, version)
		if err != nil {
			return err
		}
		e := v.Bucket([]byte(bucketKeys)).Get([]byte(key))
		if e == nil {
			return drafts.Errorf(drafts.NotFound, "draft %s has no article %q", draftID, key)
		}
		pos, _, err := s.articleEntry([]byte(key), e, draftID, version)
		if err != nil {
			return err
		}
		return s.decodeArticle(v, pos, &a, draftID, version)
	})
	if err != nil {
		return nil, s.fail(err, "read the article")
	}
	return &a, nil
}

// latest asks draftVersion for a draft's latest version.
const latest = 0

// versionBucket finds a version of a draft, or its latest when version is
// latest, and says which version it is; other numbers below 1 are versions
// that do not exist.
func versionBucket(tx *bolt.Tx, id string, version int) (*bolt.Bucket, int, error) {
	versions := tx.Bucket([]byte(bucketDrafts)).Bucket([]byte(id))
	if versions == nil {
		return nil, 0, drafts.Errorf(drafts.NotFound, "there is no draft %q: check the ID in the list of drafts", id)
	}
	last, _ := versions.Cursor().Last()
	if last == nil || len(last) != 4 {
		return nil, 0, drafts.Errorf(drafts.NotFound, "draft %s has no version stored", id)
	}
	if version == latest {
		return versions.Bucket(last), int(binary.BigEndian.Uint32(last)), nil
	}
	if version > 0 && uint64(version) <= math.MaxUint32 {
		if v := versions.Bucket(u32key(version)); v != nil {
			return v, version, nil
		}
	}
	return nil, 0, drafts.Errorf(drafts.NotFound, "draft %s has no version %d: its versions run from 1 to %d",
		id, version, binary.BigEndian.Uint32(last))
}

// importEntry reads one entry of the list of imports: a draft's ID.
func (s *Store) importEntry(k, v []byte) ([]byte, error) {
	return s.open(k, v, func() string { return "the list of imported drafts" })
}

func (s *Store) latestHeader(all *bolt.Bucket, id string) (header, error) {
	h := header{Draft: new(drafts.Draft)}
	versions := all.Bucket([]byte(id))
	if versions == nil {
		return h, notOurs(s.path, fmt.Errorf("import of unknown draft %q", id))
	}
	k, _ := versions.Cursor().Last()
	if k == nil || len(k) != 4 {
		return h, notOurs(s.path, fmt.Errorf("draft %q has no version", id))
	}
	return h, s.decodeHeader(versions.Bucket(k), &h, id, int(binary.BigEndian.Uint32(k)))
}

// decodeHeader reads the header of a draft version.
func (s *Store) decodeHeader(v *bolt.Bucket, h *header, id string, version int) error {
	if v == nil {
		return notOurs(s.path, fmt.Errorf("draft %q version %d is not a bucket", id, version))
	}
	k := []byte(keyHeader)
	js, err := s.open(k, v.Get(k), func() string { return fmt.Sprintf("the heading of version %d of draft %s", version, id) })
	if err != nil {
		return err
	}
	return decode(js, h, s.path)
}

// decodeArticle reads the article at position pos of a draft version.
func (s *Store) decodeArticle(ver *bolt.Bucket, pos int, a *drafts.Article, id string, version int) error {
	k := u32key(pos)
	return s.decodeArticleAt(ver, k, ver.Bucket([]byte(bucketArticles)).Get(k), a, id, version)
}

// decodeArticleAt reads the article record v stored under k in the version
// bucket ver.
func (s *Store) decodeArticleAt(ver *bolt.Bucket, k, v []byte, a *drafts.Article, id string, version int) error {
	js, err := s.open(k, v, func() string { return articleName(ver, k, id, version) })
	if err != nil {
		return err
	}
	return decode(js, a, s.path)
}

// articleName names the article at position k of a version for a person:
// by its key, found in the keys bucket, as the article itself cannot be
// read.
func articleName(ver *bolt.Bucket, k []byte, id string, version int) string {
	key := ""
	if keys := ver.Bucket([]byte(bucketKeys)); keys != nil {
		want := binary.BigEndian.Uint32(k)
		// Only on the way to an error: a scan of one version's keys.
		c := keys.Cursor()
		for name, e := c.First(); name != nil && key == ""; name, e = c.Next() {
			if len(e) >= 4+sumLen && binary.BigEndian.Uint32(e) == want {
				key = string(name)
			}
		}
	}
	if key == "" {
		return fmt.Sprintf("article %d (in the order of the text) of version %d of draft %s", binary.BigEndian.Uint32(k)+1, version, id)
	}
	return fmt.Sprintf("article %s of version %d of draft %s", key, version, id)
}

// readDraft decodes a whole version. json.Unmarshal copies what it keeps, so
// nothing returned points into the transaction's memory.
func (s *Store) readDraft(v *bolt.Bucket, id string, version int) (*drafts.Draft, error) {
	h := header{Draft: new(drafts.Draft)}
	if err := s.decodeHeader(v, &h, id, version); err != nil {
		return nil, err
	}
	d := h.Draft
	d.Articles = make([]drafts.Article, 0, h.ArticleCount)
	arts := v.Bucket([]byte(bucketArticles))
	if arts == nil {
		return nil, notOurs(s.path, fmt.Errorf("draft %s version %d has no articles bucket", d.ID, d.Version))
	}
	c := arts.Cursor()
	for k, js := c.First(); k != nil; k, js = c.Next() {
		if len(k) != 4 {
			return nil, notOurs(s.path, errMissing("article position"))
		}
		d.Articles = append(d.Articles, drafts.Article{})
		if err := s.decodeArticleAt(v, k, js, &d.Articles[len(d.Articles)-1], id, version); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// decode reads one stored JSON value; a missing or unreadable one means the
// file was damaged.
func decode(js []byte, v any, path string) error {
	if js == nil {
		return notOurs(path, fmt.Errorf("missing value for %T", v))
	}
	if err := json.Unmarshal(js, v); err != nil {
		return notOurs(path, err)
	}
	return nil
}

// putDraft writes version rec.Version of draft rec.ID (its header from
// rec, its articles and keys entries already encoded) and records the
// import.
func putDraft(tx *bolt.Tx, rec *drafts.Draft, articles, entries [][]byte) error {
	h := *rec
	h.Articles = nil
	versions, err := tx.Bucket([]byte(bucketDrafts)).CreateBucketIfNotExists([]byte(rec.ID))
	if err != nil {
		return err
	}
	hjs, err := json.Marshal(header{Draft: &h, ArticleCount: len(articles)})
	if err != nil {
		return err
	}
	v, err := versions.CreateBucket(u32key(rec.Version))
	if err != nil {
		return err
	}
	if err := v.Put([]byte(keyHeader), seal([]byte(keyHeader), hjs)); err != nil {
		return err
	}
	arts, err := v.CreateBucket([]byte(bucketArticles))
	if err != nil {
		return err
	}
	arts.FillPercent = 1 // positions only grow: pack the pages full
	keys, err := v.CreateBucket([]byte(bucketKeys))
	if err != nil {
		return err
	}
	for i, js := range articles {
		k := u32key(i)
		if err := arts.Put(k, seal(k, js)); err != nil {
			return err
		}
		k = []byte(rec.Articles[i].Key)
		if err := keys.Put(k, seal(k, entries[i])); err != nil {
			return err
		}
	}
	imports := tx.Bucket([]byte(bucketImports))
	seq, err := imports.NextSequence()
	if err != nil {
		return err
	}
	k := u64key(seq)
	return imports.Put(k, seal(k, []byte(rec.ID)))
}
