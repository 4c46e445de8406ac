package workload

// revise returns the next version of m, drawn from its own stream so that
// the base draft of a seed does not depend on how it is revised.
func revise(m *model, seed int64) *model {
	r := newSource(seed, streamRevision)
	n := len(m.arts)
	arts := append([]article(nil), m.arts...)
	last := 0
	if n > 0 {
		last = arts[n-1].base
	}
	removed := make([]bool, n)
	// taken marks articles a structural change touched or borders, so that
	// changes do not overlap and keys stay unique.
	taken := make([]bool, n)
	hasBis := func(i int) bool { return i+1 < n && arts[i+1].suffix > 0 }
	free := func(i int) bool { return i < 0 || i >= n || !taken[i] }
	mark := func(i int) {
		if i >= 0 && i < n {
			taken[i] = true
		}
	}

	changes := n / 100
	if changes == 0 && n >= 5 {
		changes = 1
	}
	for made, tries := 0, 0; made < changes && tries < 100*n; tries++ {
		i := r.between(1, n-1)
		if arts[i].suffix != 0 || hasBis(i) || !free(i-1) || !free(i) || !free(i+1) {
			continue
		}
		removed[i] = true
		mark(i - 1)
		mark(i)
		mark(i + 1)
		made++
		if made%2 == 0 {
			continue
		}
		// Close the gap for a short run, as a committee renumbering by
		// hand does, and leave it open after the run.
		end := i + 1
		for run := r.between(2, 5); end < n && end <= i+run; end++ {
			if arts[end].suffix != 0 || hasBis(end) || end > i+1 && taken[end] {
				break
			}
		}
		for k := i + 1; k < end; k++ {
			arts[k].base--
			mark(k)
		}
		mark(end)
	}

	added := make(map[int]article)
	for made, tries := 0, 0; made < max(changes, min(n, 1)) && tries < 100*n; tries++ {
		i := r.intn(n)
		if taken[i] || arts[i].suffix != 0 || hasBis(i) {
			continue
		}
		mark(i)
		a := article{base: arts[i].base, suffix: 1, div: arts[i].div, blocks: body(r, arts[i].base, last)}
		if r.chance(0.35) {
			a.heading = pick(r, articleHeadings)
		}
		added[i] = a
		made++
	}

	reworded := make([]bool, n)
	for made, tries := 0, 0; made < max(1, n*5/100) && tries < 100*n; tries++ {
		i := r.intn(n)
		if removed[i] || reworded[i] {
			continue
		}
		var flat []string
		for _, b := range arts[i].blocks {
			flat = append(flat, b...)
		}
		flat = reword(r, flat)
		blocks := make([][]string, len(arts[i].blocks))
		for j, b := range arts[i].blocks {
			blocks[j], flat = flat[:len(b):len(b)], flat[len(b):]
		}
		arts[i].blocks = blocks
		reworded[i] = true
		made++
	}

	out := &model{divs: m.divs, arts: make([]article, 0, n+len(added))}
	for i := range arts {
		if !removed[i] {
			out.arts = append(out.arts, arts[i])
		}
		if a, ok := added[i]; ok {
			out.arts = append(out.arts, a)
		}
	}
	return out
}
