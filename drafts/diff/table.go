package diff

// A tokenTable maps tokens (or their fold keys) to the runes that stand for
// them in one diff. It is a Go map, kept from one diff to the next so that
// a warm Differ allocates nothing for it but the keys it copies.
//
// A hand-made open-addressing table hashed with maphash stood here until
// it was measured against this map (callgrind instructions inside the
// benchmarked function, Go 1.26, GOGC=off): with the map, BenchmarkWords
// takes 1.4–1.8% more instructions, BenchmarkRound 2.2–2.4% more (2.45G →
// 2.51G strict), BenchmarkCompare ±0.5%, with the same allocations; the
// wall-clock benchmarks on the development machine could not tell them
// apart. That did not pay for a hash table of its own.
type tokenTable struct {
	m map[string]rune
}

// Len returns the number of keys in the table.
func (t *tokenTable) Len() int { return len(t.m) }

// get returns the rune of key, or false.
func (t *tokenTable) get(key string) (rune, bool) {
	r, ok := t.m[key]
	return r, ok
}

// getBytes is get for a key held in a buffer, which it does not keep (a
// map lookup by string(key) does not copy it).
func (t *tokenTable) getBytes(key []byte) (rune, bool) {
	r, ok := t.m[string(key)]
	return r, ok
}

// add adds key, which must not be in the table, with the next token rune
// (tokenRune of the number of keys). It reports false, adding nothing,
// when the table holds maxTokens keys already.
func (t *tokenTable) add(key string) (rune, bool) {
	if len(t.m) >= maxTokens {
		return 0, false
	}
	r := tokenRune(len(t.m))
	t.put(key, r)
	return r, true
}

// put adds key, which must not be in the table, with rune r.
func (t *tokenTable) put(key string, r rune) {
	if t.m == nil {
		t.m = make(map[string]rune)
	}
	t.m[key] = r
}

// reset empties the table. Its keys are substrings of the last texts: they
// are dropped, not just forgotten, so that a pooled Differ does not keep
// the texts alive, and the map of a table grown for a long text goes too.
func (t *tokenTable) reset() {
	if len(t.m) > 1<<11 {
		t.m = nil
		return
	}
	clear(t.m)
}
