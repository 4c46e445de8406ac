package drafts

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Level is a level of a statute's hierarchy above the article.
type Level int

// The levels, top down. Any of them may be absent from a draft.
const (
	Book    Level = iota + 1 // الكتاب / Livre
	Part                     // القسم / Partie
	Title                    // الباب / Titre
	Chapter                  // الفصل / Chapitre
	Section                  // الفرع / Section
)

var levelWords = map[Level][3]string{
	Book:    {"الكتاب", "Livre", "book"},
	Part:    {"القسم", "Partie", "part"},
	Title:   {"الباب", "Titre", "title"},
	Chapter: {"الفصل", "Chapitre", "chapter"},
	Section: {"الفرع", "Section", "section"},
}

// Arabic is the Arabic word that heads a division of this level.
func (l Level) Arabic() string { return levelWords[l][0] }

// French is the French word that heads a division of this level.
func (l Level) French() string { return levelWords[l][1] }

// String is the level's English name, used in JSON and logs.
func (l Level) String() string {
	if w, ok := levelWords[l]; ok {
		return w[2]
	}
	return "level?"
}

// MarshalText writes the level by name, so that stored and exported JSON
// reads "chapter" rather than a number.
func (l Level) MarshalText() ([]byte, error) {
	if _, ok := levelWords[l]; !ok {
		return nil, Errorf(Internal, "no such division level %d", int(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads a level written by MarshalText.
func (l *Level) UnmarshalText(b []byte) error {
	for lv, w := range levelWords {
		if w[2] == string(b) {
			*l = lv
			return nil
		}
	}
	return Errorf(Invalid, "unknown division level %q: use book, part, title, chapter or section", b)
}

// A Division is a book, part, title, chapter or section of a draft.
type Division struct {
	Level   Level  `json:"level"`
	Heading string `json:"heading"`          // the heading line as written: «الباب الأول: أحكام عامة»
	Number  string `json:"number,omitempty"` // the number as written: «الأول»
	Title   string `json:"title,omitempty"`  // the title after the number: «أحكام عامة»
	Parent  int    `json:"parent"`           // index in Draft.Divisions of the enclosing division, or -1
}

// An Article is one article of a draft.
type Article struct {
	// Key is the normalized, stable key of the article's number: "1",
	// "4", "2bis", "2ter", "2-1". Keys are unique within a draft.
	Key string `json:"key"`
	// Number is the number as written in the heading: «الأولى», «2 مكررة».
	Number string `json:"number"`
	// Heading is the article's own title, if its heading line carries one.
	Heading    string   `json:"heading,omitempty"`
	Paragraphs []string `json:"paragraphs"`
	// Position is the article's 0-based place in the draft.
	Position int `json:"position"`
	// Division is the index in Draft.Divisions of the innermost division
	// that holds the article, or -1.
	Division int `json:"division"`
	// Line is the 1-based line of the article's heading in the source.
	Line int `json:"line,omitempty"`
	// Sources names the amendments whose changes the article holds, in a
	// version made by consolidating them (round.Consolidate); empty in a
	// version imported as written, and for an article no amendment changed.
	Sources []Source `json:"sources,omitempty"`
}

// Text is the article's body: its paragraphs, one per line.
func (a *Article) Text() string { return strings.Join(a.Paragraphs, "\n") }

// A Source is an amendment whose change an article holds, in a version
// made by consolidation.
type Source struct {
	Amendment string `json:"amendment"`
	Chamber   string `json:"chamber"`
}

// TextHash identifies the article's wording; amendments record it so that a
// later change of the base text can be detected.
func (a *Article) TextHash() string { return HashText(a.Text()) }

// HashText is the hash recorded for a base text: hex SHA-256 of its bytes.
func HashText(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// A Draft is a draft statute, article by article.
type Draft struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Language string `json:"language"` // "ar" or "fr"
	// Version counts the versions of this draft, from 1.
	Version int `json:"version"`
	// ArticleWord is the word that heads articles in this document:
	// «المادة», or «الفصل» in older dahirs, or "Article".
	ArticleWord string     `json:"article_word"`
	Preamble    []string   `json:"preamble,omitempty"`
	Divisions   []Division `json:"divisions,omitempty"`
	Articles    []Article  `json:"articles"`
	Source      string     `json:"source,omitempty"` // the file it was imported from
	Imported    time.Time  `json:"imported"`
}

// The words that head articles when a draft does not say: Moroccan texts
// of today use «المادة»; French ones "Article".
const (
	DefaultArticleWord       = "المادة"
	DefaultFrenchArticleWord = "Article"
)

// Word is the word that heads the draft's articles: its own, else the
// default of its language.
func (d *Draft) Word() string {
	switch {
	case d.ArticleWord != "":
		return d.ArticleWord
	case d.Language == "fr":
		return DefaultFrenchArticleWord
	}
	return DefaultArticleWord
}

// ArticleTitle is an article's heading line as a reader expects it:
// «المادة 3: مهام الغرفة».
func (d *Draft) ArticleTitle(a *Article) string {
	t := d.Word() + " " + a.Number
	if a.Heading != "" {
		t += ": " + a.Heading
	}
	return t
}

// Article returns the article with the given key, or nil.
func (d *Draft) Article(key string) *Article {
	for i := range d.Articles {
		if d.Articles[i].Key == key {
			return &d.Articles[i]
		}
	}
	return nil
}

// Path returns the divisions that hold the article, outermost first.
func (d *Draft) Path(a *Article) []Division {
	var path []Division
	for i := a.Division; i >= 0 && i < len(d.Divisions); i = d.Divisions[i].Parent {
		path = append([]Division{d.Divisions[i]}, path...)
	}
	return path
}

// A DraftInfo summarizes a stored draft for listings.
type DraftInfo struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Version  int       `json:"version"`
	Articles int       `json:"articles"`
	Source   string    `json:"source,omitempty"`
	Imported time.Time `json:"imported"`
}

// Info summarizes d.
func (d *Draft) Info() DraftInfo {
	return DraftInfo{ID: d.ID, Title: d.Title, Version: d.Version, Articles: len(d.Articles), Source: d.Source, Imported: d.Imported}
}
