package diff

import "hash/maphash"

// A tokenTable maps tokens (or their fold keys) to the runes that stand for
// them in one diff: a map[string]rune cut to this use, an open-addressing
// table that hashes with maphash and keeps its slots from one diff to the
// next, so that a Differ allocates nothing for it once warm; a Go map's
// lookups and clearing cost a diff noticeably more.
type tokenTable struct {
	slots []tokenSlot // a power of two in length, at most half full
	n     int
	seed  maphash.Seed
}

type tokenSlot struct {
	used bool
	r    rune
	key  string
}

// Len returns the number of keys in the table.
func (t *tokenTable) Len() int { return t.n }

// get returns the rune of key, or false.
func (t *tokenTable) get(key string) (rune, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.slots) - 1
	for i := int(maphash.String(t.seed, key)) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.used {
			return 0, false
		}
		if s.key == key {
			return s.r, true
		}
	}
}

// getBytes is get for a key held in a buffer, which it does not keep.
func (t *tokenTable) getBytes(key []byte) (rune, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.slots) - 1
	for i := int(maphash.Bytes(t.seed, key)) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.used {
			return 0, false
		}
		if s.key == string(key) {
			return s.r, true
		}
	}
}

// add adds key, which must not be in the table, with the next token rune
// (tokenRune of the number of keys). It reports false, adding nothing,
// when the table holds maxTokens keys already.
func (t *tokenTable) add(key string) (rune, bool) {
	if t.n >= maxTokens {
		return 0, false
	}
	r := tokenRune(t.n)
	t.put(key, r)
	return r, true
}

// put adds key, which must not be in the table, with rune r.
func (t *tokenTable) put(key string, r rune) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.insert(key, r)
	t.n++
}

func (t *tokenTable) insert(key string, r rune) {
	mask := len(t.slots) - 1
	i := int(maphash.String(t.seed, key)) & mask
	for t.slots[i].used {
		i = (i + 1) & mask
	}
	t.slots[i] = tokenSlot{used: true, r: r, key: key}
}

func (t *tokenTable) grow() {
	if t.seed == (maphash.Seed{}) {
		t.seed = maphash.MakeSeed()
	}
	old := t.slots
	t.slots = make([]tokenSlot, max(64, 2*len(old)))
	for _, s := range old {
		if s.used {
			t.insert(s.key, s.r)
		}
	}
}

// reset empties the table. Its keys are substrings of the last texts: they
// are dropped, not just forgotten, so that a pooled Differ does not keep
// the texts alive, and the slots of a table grown for a long text go too.
func (t *tokenTable) reset() {
	t.n = 0
	if len(t.slots) > 1<<12 {
		t.slots = nil
		return
	}
	clear(t.slots)
}
