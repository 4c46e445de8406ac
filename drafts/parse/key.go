package parse

import (
	"strings"
	"unicode/utf8"

	"statute/drafts"
	"statute/drafts/arabic"
)

// maxRefBytes bounds a typed reference; anything longer is not one.
const maxRefBytes = 200

// Key turns an article reference typed by a person into an article key:
// «2 مكررة», "2bis", "Article 2 bis" → "2bis"; «المادة الأولى», «الاولى»,
// "premier", "1er" → "1"; «المادة ٤» → "4"; «2-1» → "2-1";
// «الحادية عشرة» → "11". A leading «المادة», «الفصل» or "Article" is
// optional. Anything else is an Invalid error that shows the accepted forms.
// The sentences of article references.
var (
	msgRefNotText        = drafts.NewMessage("article-ref.not-text", "the article reference is not valid text: type a number such as 3, «2 مكررة» or «الأولى»")
	msgRefEmpty          = drafts.NewMessage("article-ref.empty", "no article given: type a number such as 3, «المادة 3», «2 مكررة», 2bis or «الأولى»")
	msgRefTooLong        = drafts.NewMessage("article-ref.too-long", "the article reference is %d bytes long, which no article number is: type a number such as 3 or «2 مكررة»")
	msgNotANumber        = drafts.NewMessage("article-ref.not-a-number", "%q is not an article number: type it as 3, «المادة 3», «٤», «2 مكررة», 2bis, «2-1», «الأولى» or «الحادية عشرة»")
	msgNoSuchArticle     = drafts.NewMessage("article-ref.missing", "the draft has no article %s: its articles run from %s to %s")
	msgNoSuchArticleNear = drafts.NewMessage("article-ref.missing-near", "the draft has no article %s: its articles run from %s to %s; the closest are %s")
	msgNoArticles        = drafts.NewMessage("article-ref.no-articles", "the draft has no articles, so it has no article %s")
)

func Key(ref string) (string, error) {
	if !utf8.ValidString(ref) {
		return "", msgRefNotText.Err(drafts.Invalid)
	}
	s := trimSpace(arabic.Normalize(ref))
	s = strings.TrimRightFunc(s, func(r rune) bool { return isSeparator(r) || isSpace(r) })
	if s == "" {
		return "", msgRefEmpty.Err(drafts.Invalid)
	}
	if len(s) > maxRefBytes {
		return "", msgRefTooLong.Err(drafts.Invalid, len(s))
	}
	n, ok := readNumber(s, wordPrefix(s))
	if ok && !n.roman && skipSpace(s, n.end) == len(s) {
		return n.key, nil
	}
	return "", msgNotANumber.Err(drafts.Invalid, ref)
}

// wordPrefix is where the number starts in s, a reference in the form
// Key reads: after a leading «المادة», «الفصل» or "Article" (and its
// dot), or 0.
func wordPrefix(s string) int {
	i := 0
	if e := wordEnd(s, 0); e > 0 {
		if w, ok := knownWords[fold(s[:e])]; ok && w.kind != wordDivision {
			i = e
			if i < len(s) && s[i] == '.' {
				i++
			}
		} else if f := fold(s[:e]); f == "فصل" {
			i = e
		}
	}
	return i
}

// Number is the article number ref gives, as it writes it (in the form
// arabic.Normalize gives text for storage) but without a leading article
// word: «المادة 2 مكررة» → «2 مكررة», "Article 2 bis" →
// "2 bis", «2 مكررة» as it is. The errors are Key's.
func Number(ref string) (string, error) {
	if _, err := Key(ref); err != nil {
		return "", err
	}
	s := trimSpace(arabic.Normalize(ref))
	s = strings.TrimRightFunc(s, func(r rune) bool { return isSeparator(r) || isSpace(r) })
	return trimSpace(s[wordPrefix(s):]), nil
}

// Find returns the article of d that ref names (see Key). A reference to
// an article the draft lacks is a NotFound error that says which articles
// exist, and the closest ones.
func Find(d *drafts.Draft, ref string) (*drafts.Article, error) {
	key, err := Key(ref)
	if err != nil {
		return nil, err
	}
	if d == nil || len(d.Articles) == 0 {
		return nil, msgNoArticles.Err(drafts.NotFound, key)
	}
	if a := d.Article(key); a != nil {
		return a, nil
	}
	first, last := d.Articles[0].Key, d.Articles[len(d.Articles)-1].Key
	if close := closeKeys(d, key); len(close) > 0 {
		return nil, msgNoSuchArticleNear.Err(drafts.NotFound, key, first, last, strings.Join(close, ", "))
	}
	return nil, msgNoSuchArticle.Err(drafts.NotFound, key, first, last)
}

// closeKeys lists the keys that share key's leading number («5», «5bis»,
// «5-1» for "5ter"), or failing that those of the numbers around it.
func closeKeys(d *drafts.Draft, key string) []string {
	const most = 6
	base := leadingNumber(key)
	if base < 0 {
		return nil
	}
	var close []string
	for _, want := range [][]int{{base}, {base - 1, base + 1}} {
		for i := range d.Articles {
			k := d.Articles[i].Key
			n := leadingNumber(k)
			for _, w := range want {
				if n == w && k != key && len(close) < most {
					close = append(close, k)
				}
			}
		}
		if len(close) > 0 {
			break
		}
	}
	return close
}

// leadingNumber is the value of a key's leading digits, or -1.
func leadingNumber(key string) int {
	v, digits := 0, 0
	for digits < len(key) && key[digits] >= '0' && key[digits] <= '9' && digits < 9 {
		v = v*10 + int(key[digits]-'0')
		digits++
	}
	if digits == 0 {
		return -1
	}
	return v
}

// NumberAt reads an article number written at s[i:], after spaces, as a
// heading or a reference in an article's text writes it: «12», «٤»,
// «2 مكررة», «7 مكرر مرتين», «الأولى», «الحادية عشرة». It returns the
// number's key and the byte offsets where it starts and ends; ok is false
// when no article number stands there.
func NumberAt(s string, i int) (key string, start, end int, ok bool) {
	n, ok := readNumber(s, i)
	if !ok || n.roman {
		return "", 0, 0, false
	}
	return n.key, n.end - len(n.raw), n.end, true
}
